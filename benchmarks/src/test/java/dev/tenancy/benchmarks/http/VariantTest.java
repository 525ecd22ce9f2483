package dev.tenancy.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void aDefinedVariantIsItsBaseWithTheGivenSettingsAfterward() {
        Map<String, Variant> defined = Variant.define(
                "tenancy-affinity:tenancy:--tenancy.pool.affinity.enabled=true,--tenancy.pool.affinity.x=2;"
                        + "roles-unlabelled:tenancy-roles:--tenancy.schemas.label-statements=false");

        Variant affinity = Variant.of("tenancy-affinity", defined);
        assertThat(affinity.settings()).containsExactly("--tenancy.pool.affinity.enabled=true",
                "--tenancy.pool.affinity.x=2");
        assertThat(affinity.tenanted()).isTrue();
        Variant roles = Variant.of("roles-unlabelled", defined);
        assertThat(roles.tenantRoles()).isTrue();
        assertThat(roles.settings()).startsWith(Variant.BUILT_IN.get("tenancy-roles").settings().toArray(String[]::new))
                .endsWith("--tenancy.schemas.label-statements=false");
    }

    @Test
    void aDefinitionThatIsNotNameBaseSettingsIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Variant.define("tenancy-affinity:tenancy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name:base:settings");
        assertThatThrownBy(() -> Variant.define("tenancy:untenanted:--a=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with a new name");
        assertThatThrownBy(() -> Variant.define("x:tenancy:tenancy.pool.affinity.enabled=true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> Variant.define("x:nonsense:--a=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown variant 'nonsense'");
    }

    @Test
    void theBaselinesReadPublicAndEveryOtherBuiltInVariantReadsTheTenantsSchema() {
        assertThat(Variant.BUILT_IN.values()).filteredOn(variant -> !variant.tenanted())
                .extracting(Variant::key).containsExactlyInAnyOrder("untenanted", "untenanted+set");
    }
}
