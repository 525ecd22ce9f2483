package dev.tenancy.benchmarks.app.peers;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The peers' own tenant resolution (Tenancy is off in their variants): the current request's host name looked up once
 * in the shared {@code domains} and {@code tenants} tables, then kept in a map, as a hand-written multi-tenant
 * application would do. Outside a request there is no tenant; a request for a host no ACTIVE tenant has is refused.
 */
final class HostSchemas {

    private static final String LOOKUP = "SELECT t.schema_name FROM public.domains d JOIN public.tenants t"
            + " ON t.id = d.tenant_id WHERE d.domain = ? AND t.status = 'ACTIVE'";

    private final DataSource lookups;
    private final Map<String, String> schemas = new ConcurrentHashMap<>();

    /** Looks hosts up through {@code lookups}, whose connections need no tenant. */
    HostSchemas(DataSource lookups) {
        this.lookups = lookups;
    }

    /**
     * The current request's tenant schema, or {@code null} outside a request.
     *
     * @throws IllegalStateException when the request's host is no ACTIVE tenant's
     */
    String current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes request)) {
            return null;
        }
        return schemas.computeIfAbsent(request.getRequest().getServerName(), this::lookUp);
    }

    private String lookUp(String host) {
        try (Connection connection = lookups.getConnection();
             PreparedStatement select = connection.prepareStatement(LOOKUP)) {
            select.setString(1, host);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No ACTIVE tenant is served at " + host);
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the tenant of " + host, e);
        }
    }
}
