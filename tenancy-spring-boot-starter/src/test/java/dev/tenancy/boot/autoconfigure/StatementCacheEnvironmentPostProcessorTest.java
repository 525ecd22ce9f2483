package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class StatementCacheEnvironmentPostProcessorTest {

    private static final String DRIVER = "spring.datasource.hikari.data-source-properties.";
    private static final String QUERIES = DRIVER + "preparedStatementCacheQueries";
    private static final String SIZE = DRIVER + "preparedStatementCacheSizeMiB";

    private static StandardEnvironment process(MockPropertySource settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(settings);
        new StatementCacheEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void labelledStatementsGetADriverCacheSizedForManyTenantsByDefault() {
        StandardEnvironment environment = process(new MockPropertySource());
        assertThat(environment.getProperty(QUERIES)).isEqualTo("2048");
        assertThat(environment.getProperty(SIZE)).isEqualTo("32");
    }

    @Test
    void theApplicationsOwnDriverSettingWins() {
        StandardEnvironment environment = process(new MockPropertySource().withProperty(QUERIES, "300"));
        assertThat(environment.getProperty(QUERIES)).isEqualTo("300");
        assertThat(environment.getProperty(SIZE)).isEqualTo("32");
    }

    @Test
    void tenancysSettingsChooseTheSizesAndZeroLeavesPgjdbcsDefault() {
        StandardEnvironment environment = process(new MockPropertySource()
                .withProperty("tenancy.schemas.statement-cache-queries", "5000")
                .withProperty("tenancy.schemas.statement-cache-size-mib", "0"));
        assertThat(environment.getProperty(QUERIES)).isEqualTo("5000");
        assertThat(environment.getProperty(SIZE)).isNull();
    }

    @Test
    void withoutLabelsOrWithoutTenancyTheDriverKeepsItsOwnDefaults() {
        assertThat(process(new MockPropertySource().withProperty("tenancy.schemas.label-statements", "false"))
                .getProperty(QUERIES)).isNull();
        assertThat(process(new MockPropertySource().withProperty("tenancy.enabled", "false"))
                .getProperty(QUERIES)).isNull();
    }
}
