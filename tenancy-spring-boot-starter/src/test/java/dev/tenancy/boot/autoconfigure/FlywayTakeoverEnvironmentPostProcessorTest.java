package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class FlywayTakeoverEnvironmentPostProcessorTest {

    private static StandardEnvironment process(MockPropertySource settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(settings);
        new FlywayTakeoverEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void springBootsFlywayIsOffByDefaultUnderTenancy() {
        assertThat(process(new MockPropertySource()).getProperty("spring.flyway.enabled")).isEqualTo("false");
    }

    @Test
    void anExplicitSettingStaysVisibleSoItCanBeRefused() {
        MockPropertySource explicit = new MockPropertySource().withProperty("spring.flyway.enabled", "true");
        assertThat(process(explicit).getProperty("spring.flyway.enabled")).isEqualTo("true");
    }

    @Test
    void withoutTenancySpringBootsFlywayKeepsItsOwnDefault() {
        MockPropertySource disabled = new MockPropertySource().withProperty("tenancy.enabled", "false");
        assertThat(process(disabled).getProperty("spring.flyway.enabled")).isNull();
    }
}
