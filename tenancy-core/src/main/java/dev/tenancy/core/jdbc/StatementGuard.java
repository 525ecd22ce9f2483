package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Statement;

/**
 * Stands between the application and one statement of a {@link TenantConnection}: every {@code execute...} call
 * goes through {@link TenantConnection#execute}, which puts the statement's tenant's path in force first (a prepared
 * statement keeps the tenant it was made for; a plain one runs for the tenant of the moment) and notes SQL text that
 * may have changed the path behind the connection's back. Every other call goes straight to the driver's statement.
 */
final class StatementGuard implements InvocationHandler {

    private static final ClassLoader LOADER = StatementGuard.class.getClassLoader();

    private final TenantConnection connection;
    private final Statement delegate;
    private final SchemaName tenant;
    private final boolean prepared;
    private final boolean sqlMayChangePath;
    private boolean batchMayChangePath;

    private StatementGuard(TenantConnection connection, Statement delegate, SchemaName tenant, boolean prepared,
            boolean sqlMayChangePath) {
        this.connection = connection;
        this.delegate = delegate;
        this.tenant = tenant;
        this.prepared = prepared;
        this.sqlMayChangePath = sqlMayChangePath;
    }

    /** A plain statement: each SQL text runs for the tenant the connection serves when it is executed. */
    static Statement plain(TenantConnection connection, Statement delegate) {
        return guard(Statement.class, new StatementGuard(connection, delegate, null, false, false));
    }

    /** A prepared (or callable) statement of {@code type}, made for {@code tenant} with {@code sql}. */
    static <S extends Statement> S prepared(Class<S> type, TenantConnection connection, S delegate,
            SchemaName tenant, String sql) {
        return guard(type, new StatementGuard(connection, delegate, tenant, true, SessionSql.mayChangePath(sql)));
    }

    private static <S extends Statement> S guard(Class<S> type, StatementGuard guard) {
        return type.cast(Proxy.newProxyInstance(LOADER, new Class<?>[] {type}, guard));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.startsWith("execute")) {
            boolean mayChangePath = sqlMayChangePath || batchMayChangePath
                    || args != null && args.length > 0 && args[0] instanceof String sql
                    && SessionSql.mayChangePath(sql);
            if (name.endsWith("Batch")) {
                batchMayChangePath = false;
            }
            return connection.execute(prepared ? tenant : connection.servedTenant(), mayChangePath, delegate,
                    method, args);
        }
        switch (name) {
            case "getConnection":
                return connection;
            case "addBatch":
                if (args != null && args.length == 1 && args[0] instanceof String sql && SessionSql.mayChangePath(sql)) {
                    batchMayChangePath = true;
                }
                break;
            case "clearBatch":
                batchMayChangePath = false;
                break;
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                break;
            case "isWrapperFor":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return true;
                }
                break;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "TenantStatement[" + (prepared ? "made for " + (tenant == null ? "public" : tenant) + ", " : "")
                        + delegate + "]";
            default:
                break;
        }
        return call(delegate, method, args);
    }

    /** Calls {@code method} on {@code target}, throwing what it throws. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
