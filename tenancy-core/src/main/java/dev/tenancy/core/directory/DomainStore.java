package dev.tenancy.core.directory;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and changes the domain table while keeping exactly one primary domain per tenant: a tenant's first domain
 * is primary; making another one primary demotes the old one; removing the primary promotes the oldest remaining.
 *
 * <p>Every method works on the caller's connection and transaction, so several changes can commit together.
 * Host names are normalised with {@link HostNames#normalise(String)} first.
 */
public final class DomainStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantTables tables;

    /** A store over the given tables. */
    public DomainStore(TenantTables tables) {
        this.tables = tables;
    }

    /**
     * Registers {@code host} for the tenant. It becomes primary when {@code primary} is set or when it is the
     * tenant's first domain.
     *
     * @throws TenantConflictException when the host is already registered
     * @throws InvalidInputException when it is not a valid host name
     */
    public DomainRecord add(Connection connection, long tenantId, String host, boolean primary) throws SQLException {
        String domain = HostNames.normalise(host);
        if (find(connection, domain).isPresent()) {
            throw TenantConflictException.domainTaken(domain);
        }
        boolean first = list(connection, tenantId).isEmpty();
        boolean makePrimary = primary || first;
        if (makePrimary && !first) {
            demotePrimary(connection, tenantId);
        }
        String sql = "INSERT INTO " + tables.domainTable() + " (domain, tenant_id, is_primary) VALUES (?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.setString(1, domain);
            insert.setLong(2, tenantId);
            insert.setBoolean(3, makePrimary);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new DomainRecord(keys.getLong(1), domain, tenantId, makePrimary);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw TenantConflictException.domainTaken(domain);
            }
            throw e;
        }
    }

    /**
     * Makes {@code host} its tenant's primary domain, demoting the old primary.
     *
     * @throws TenancyException when the host is not registered
     */
    public DomainRecord makePrimary(Connection connection, String host) throws SQLException {
        DomainRecord record = require(connection, host);
        if (!record.primary()) {
            demotePrimary(connection, record.tenantId());
            setPrimary(connection, record.id(), true);
        }
        return new DomainRecord(record.id(), record.domain(), record.tenantId(), true);
    }

    /**
     * Removes {@code host}. When it was primary, the tenant's oldest remaining domain becomes primary.
     *
     * @return whether a domain was removed
     */
    public boolean remove(Connection connection, String host) throws SQLException {
        Optional<DomainRecord> found = find(connection, HostNames.normalise(host));
        if (found.isEmpty()) {
            return false;
        }
        DomainRecord record = found.get();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + tables.domainTable() + " WHERE id = ?")) {
            delete.setLong(1, record.id());
            delete.executeUpdate();
        }
        if (record.primary()) {
            List<DomainRecord> remaining = list(connection, record.tenantId());
            if (!remaining.isEmpty()) {
                setPrimary(connection, remaining.get(0).id(), true);
            }
        }
        return true;
    }

    /** The tenant's domains, oldest first. */
    public List<DomainRecord> list(Connection connection, long tenantId) throws SQLException {
        List<DomainRecord> domains = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, domain, tenant_id, is_primary FROM "
                + tables.domainTable() + " WHERE tenant_id = ? ORDER BY id")) {
            select.setLong(1, tenantId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    domains.add(read(rows));
                }
            }
        }
        return domains;
    }

    /** The registered domain for {@code host}, if any. */
    public Optional<DomainRecord> find(Connection connection, String host) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, domain, tenant_id, is_primary FROM "
                + tables.domainTable() + " WHERE domain = ?")) {
            select.setString(1, HostNames.normalise(host));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private DomainRecord require(Connection connection, String host) throws SQLException {
        String domain = HostNames.normalise(host);
        return find(connection, domain).orElseThrow(() -> new TenancyException("The domain '" + domain
                + "' is not registered to any tenant."));
    }

    private void demotePrimary(Connection connection, long tenantId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.domainTable()
                + " SET is_primary = false WHERE tenant_id = ? AND is_primary")) {
            update.setLong(1, tenantId);
            update.executeUpdate();
        }
    }

    private void setPrimary(Connection connection, long domainId, boolean primary) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.domainTable()
                + " SET is_primary = ? WHERE id = ?")) {
            update.setBoolean(1, primary);
            update.setLong(2, domainId);
            update.executeUpdate();
        }
    }

    private static DomainRecord read(ResultSet rows) throws SQLException {
        return new DomainRecord(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getBoolean(4));
    }

    /**
     * A host name that serves a tenant.
     *
     * @param id the domain row's id
     * @param domain the normalised host name
     * @param tenantId the id of the tenant it serves
     * @param primary whether it is the tenant's primary domain
     */
    public record DomainRecord(long id, String domain, long tenantId, boolean primary) {
    }
}
