package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.files.TenantFiles;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link TenantFiles} bean for each tenant's files, when {@code tenancy.files.root-pattern} says where they go
 * (there is no safe place to guess, so there is none without it).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnProperty("tenancy.files.root-pattern")
@EnableConfigurationProperties(TenancyFilesProperties.class)
public final class TenancyFilesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantFiles tenantFiles(TenancyFilesProperties properties) {
        return TenantFiles.withRootPattern(properties.getRootPattern());
    }
}
