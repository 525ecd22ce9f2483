package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.ProvisioningTransactions;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tenancy and Spring transactions: installs a transaction guard ({@link Tenants#installTransactionGuard}) that asks Spring whether an actual transaction
 * is bound to the thread, so that {@link Tenants} refuses to switch tenant inside one; and, with a single
 * {@link PlatformTransactionManager}, the {@link ProvisioningTransactions} with which the {@link TenantProvisioner}
 * works apart from its caller's transaction and runs each set-up step in a new transaction for the new tenant.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnClass(TransactionSynchronizationManager.class)
public final class TenancyTransactionAutoConfiguration {

    @Bean
    static InitializingBean tenancyTransactionGuard() {
        return () -> Tenants.installTransactionGuard(TransactionSynchronizationManager::isActualTransactionActive);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    ProvisioningTransactions provisioningTransactions(PlatformTransactionManager transactionManager) {
        return new SpringProvisioningTransactions(transactionManager);
    }
}
