package dev.tenancy.boot.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.hibernate.cfg.MultiTenancySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

@ExtendWith(TestDatabaseExtension.class)
class TenancyHibernatePropertiesCustomizerTest {

    private static Map<String, Object> customize(TestDatabase database, String setting, String value) {
        Map<String, Object> properties = new HashMap<>(Map.of(setting, value));
        new TenancyHibernatePropertiesCustomizer(TenantAwareDataSource.wrap(database.unpooledDataSource()))
                .customize(properties);
        return properties;
    }

    @Test
    void installsTenancysConnectionProvider(TestDatabase database) {
        assertThat(customize(database, "hibernate.hbm2ddl.auto", "validate")
                .get(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER))
                .extracting(provider -> provider.getClass().getSimpleName()).isEqualTo("TenantConnectionProvider");
    }

    @Test
    void refusesSchemaGenerationThatWouldPutTenantTablesInTheSharedSchema(TestDatabase database) {
        assertThatThrownBy(() -> customize(database, "hibernate.hbm2ddl.auto", "update"))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("hibernate.hbm2ddl.auto=update would make Hibernate create tenant tables");
        assertThatThrownBy(() -> customize(database, "jakarta.persistence.schema-generation.database.action",
                "drop-and-create")).isInstanceOf(TenancyException.class);
    }
}
