package dev.tenancy.core.provisioning;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.concurrent.CountDownLatch;

/**
 * The process {@link ProvisioningFaultsTest} kills: it creates the fault tenant and, at a Java step, says so on
 * standard output and blocks until it is killed (at a database step the test's lock holds it). Its database
 * sessions carry the application name {@value #APPLICATION_NAME}, so the test can see them.
 *
 * <p>Arguments: JDBC URL, user, password (empty for none), {@link CreationStep} name.
 */
public final class CreationChild {

    static final String APPLICATION_NAME = "tenancy-creation-child";
    static final String CREATING = "creating";
    static final String REACHED = "reached ";

    private CreationChild() {
    }

    public static void main(String[] args) throws Exception {
        CreationStep step = CreationStep.valueOf(args[3]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2].isEmpty() ? null : args[2]);
        config.setMaximumPoolSize(4);
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CreationStep.Fault block = reached -> {
                System.out.println(REACHED + reached);
                System.out.flush();
                new CountDownLatch(1).await();
            };
            TenantProvisioner provisioner = step.provisioner(pool, block);
            System.out.println(CREATING);
            System.out.flush();
            provisioner.create(step.request(pool, block));
            System.out.println("created, although it should have been killed at " + step);
        }
    }
}
