package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.roles.TenantRoles;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Replaces the application's DataSource bean (the only one, or the {@code @Primary} one) with a
 * {@link TenantAwareDataSource} around it, so that everything injecting a {@code DataSource} — JPA, JdbcTemplate,
 * transaction managers, plain JDBC code — gets tenant-scoped connections. A DataSource that already is (or wraps) a
 * {@code TenantAwareDataSource} is left alone, so the pool is never wrapped twice. With a {@link TenantRoles} bean
 * ({@code tenancy.roles.enabled=true}), connections serving a tenant run as its role.
 */
final class TenantDataSourcePostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private final ObjectProvider<TenancyProperties> properties;
    private final ObjectProvider<TenantRoles> tenantRoles;
    private ConfigurableListableBeanFactory beanFactory;

    TenantDataSourcePostProcessor(ObjectProvider<TenancyProperties> properties,
            ObjectProvider<TenantRoles> tenantRoles) {
        this.properties = properties;
        this.tenantRoles = tenantRoles;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof DataSource dataSource) || isTenantAware(dataSource)
                || !isApplicationDataSource(beanName)) {
            return bean;
        }
        TenancyProperties.Schemas schemas = properties.getObject().getSchemas();
        TenantAwareDataSource.Builder builder = TenantAwareDataSource.builder(dataSource)
                .sharedSchema(schemas.getShared())
                .extraSchemas(schemas.getExtra())
                .labelStatements(schemas.isLabelStatements())
                .tenantRoles(tenantRoles.getIfAvailable())
                .transactionPooling(behindTransactionPooler());
        TenancyPoolAffinityProperties affinity =
                beanFactory.getBeanProvider(TenancyPoolAffinityProperties.class).getIfAvailable();
        if (affinity != null && affinity.isEnabled()) {
            builder.tenantAffinity(affinity.getIdleTimeout(), affinity.getMaxHold());
        }
        return builder.build();
    }

    /** Whether {@code tenancy.pooler.transaction-mode} is on ({@link TenancyPoolerAutoConfiguration}). */
    private boolean behindTransactionPooler() {
        TenancyPoolerProperties pooler = beanFactory.getBeanProvider(TenancyPoolerProperties.class).getIfAvailable();
        return pooler != null && pooler.isTransactionMode();
    }

    private boolean isApplicationDataSource(String beanName) {
        String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
        if (names.length == 1) {
            return names[0].equals(beanName);
        }
        List<String> primary = new ArrayList<>();
        for (String name : names) {
            if (beanFactory.containsBeanDefinition(name) && beanFactory.getBeanDefinition(name).isPrimary()) {
                primary.add(name);
            }
        }
        return primary.size() == 1 && primary.get(0).equals(beanName);
    }

    private static boolean isTenantAware(DataSource dataSource) {
        if (dataSource instanceof TenantAwareDataSource) {
            return true;
        }
        try {
            return dataSource.isWrapperFor(TenantAwareDataSource.class);
        } catch (SQLException e) {
            return false;
        }
    }
}
