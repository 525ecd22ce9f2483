package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.List;
import java.util.Objects;

/**
 * Cleans up, while the application starts, what tenant creations interrupted by a crash left behind (a PROVISIONING
 * tenant row, its domains, its half-built schema), through {@link TenantProvisioner#recoverInterrupted()}, so those
 * tenants can be created again. It runs once every singleton exists, so after the start-up migrations have brought
 * the shared schema up to date, and before commands run and requests are served. Creations still running in another
 * instance are left alone.
 *
 * <p>It does nothing when {@code tenancy.migrations.on-startup=none}: then Tenancy does not touch the database at
 * start-up at all (the shared schema may not even exist yet).
 */
public final class StartupRecovery implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(StartupRecovery.class);

    private final TenantProvisioner provisioner;
    private final MigrateOnStartup mode;

    /** Recovers through {@code provisioner} unless {@code mode} is {@link MigrateOnStartup#NONE}. */
    public StartupRecovery(TenantProvisioner provisioner, MigrateOnStartup mode) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mode == MigrateOnStartup.NONE) {
            return;
        }
        List<SchemaName> removed = provisioner.recoverInterrupted();
        if (!removed.isEmpty()) {
            log.warn("Removed what interrupted creations of the tenants " + removed + " left behind; create them "
                    + "again.");
        }
    }
}
