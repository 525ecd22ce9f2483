package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the application's DataSource reaches PostgreSQL through a connection pooler ({@code tenancy.pooler.*}). */
@ConfigurationProperties("tenancy.pooler")
public class TenancyPoolerProperties {

    /**
     * Whether the DataSource's JDBC URL points at a pooler in transaction mode, such as PgBouncer with
     * {@code pool_mode=transaction}, which hands each transaction to whichever server connection is free. Then the
     * tenant's {@code search_path} is set transaction-locally as the first statement of every transaction, and a
     * statement run with auto-commit on runs in a short transaction of its own: no session state is left on a
     * server connection for the next client. Off (the default), the path is set for the session, which such a
     * pooler would hand to other clients with it. With PgBouncer before 1.21 add {@code prepareThreshold=0} to the
     * JDBC URL; from 1.21 on, set its {@code max_prepared_statements} instead.
     */
    private boolean transactionMode = false;

    public boolean isTransactionMode() {
        return transactionMode;
    }

    public void setTransactionMode(boolean transactionMode) {
        this.transactionMode = transactionMode;
    }
}
