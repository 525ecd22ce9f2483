package dev.tenancy.sample.tenants;

import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.DomainTakenException;
import dev.tenancy.core.directory.HostNames;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.SchemaMigrator;
import dev.tenancy.core.model.TenantStatus;
import dev.tenancy.sample.users.UserAccounts;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Registers a tenant, all or nothing: its row, its domain {@code <subdomain>.<tenancy.domain-suffix>}, its schema
 * {@code tenant_<subdomain>} with every tenant migration, and its super admin; it is served once all of them exist.
 * When a step fails, what the attempt created is removed again and the subdomain can be registered at once.
 */
@Service
public class TenantRegistration {

    private final DataSource pool;
    private final SchemaMigrator migrator;
    private final DomainStore domains;
    private final TenantDirectory directory;
    private final UserAccounts accounts;
    private final TenancyProperties tenancy;

    TenantRegistration(DataSource dataSource, SchemaMigrator migrator, DomainStore domains, TenantDirectory directory,
            UserAccounts accounts, TenancyProperties tenancy) throws SQLException {
        this.pool = dataSource.unwrap(TenantAwareDataSource.class).target();
        this.migrator = migrator;
        this.domains = domains;
        this.directory = directory;
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    /**
     * Registers the tenant {@code application} describes.
     *
     * @throws RequestRefusedException (invalid) when the application is not valid; (conflict) when the subdomain is
     *     taken
     */
    public RegisteredTenant register(TenantApplication application) {
        TenantApplication valid = application.validated();
        SchemaName schema = SchemaName.of("tenant_" + valid.subdomain().replace('-', '_'),
                tenancy.getSchemas().getReserved());
        String domain = HostNames.normalise(valid.subdomain() + "." + tenancy.getDomainSuffix());
        long id = claim(schema, domain, valid);
        try {
            migrator.migrate(schema);
            Tenants.run(schema, () -> accounts.createTenantSuperAdmin(valid.adminEmail(), valid.adminPassword()));
            update("UPDATE public.tenants SET status = '" + TenantStatus.ACTIVE + "' WHERE id = " + id);
        } catch (RuntimeException e) {
            try {
                update("DROP SCHEMA IF EXISTS " + schema.quoted() + " CASCADE");
                update("DELETE FROM public.tenants WHERE id = " + id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        directory.evict(domain);
        return new RegisteredTenant(id, schema.value(), domain, valid.adminEmail());
    }

    private long claim(SchemaName schema, String domain, TenantApplication application) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement taken = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM public.tenants "
                    + "WHERE schema_name = ?) OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)")) {
                taken.setString(1, schema.value());
                taken.setString(2, schema.value());
                try (ResultSet rows = taken.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        throw subdomainTaken(application);
                    }
                }
                long id = insertTenant(connection, schema, application);
                domains.add(connection, id, domain, true);
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof DomainTakenException || e instanceof SQLException sql && "23505".equals(
                        sql.getSQLState())) {
                    throw subdomainTaken(application);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the new tenant: " + e.getMessage(), e);
        }
    }

    private static long insertTenant(Connection connection, SchemaName schema, TenantApplication application)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO public.tenants (schema_name, name, "
                + "subscription_plan, contact_email, status) VALUES (?, ?, ?, ?, 'PROVISIONING') RETURNING id")) {
            insert.setString(1, schema.value());
            insert.setString(2, application.companyName());
            insert.setString(3, application.plan().value());
            insert.setString(4, application.adminEmail());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void update(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not finish registering the tenant: " + e.getMessage(), e);
        }
    }

    private static RequestRefusedException subdomainTaken(TenantApplication application) {
        return RequestRefusedException.conflict("The subdomain '" + application.subdomain() + "' is taken. Choose "
                + "another.");
    }
}
