package dev.tenancy.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;

import org.junit.jupiter.api.Test;

/**
 * A labelled statement text is built once per tenant and SQL and then handed out as the same object, never mixing
 * tenants up; what is kept stays bounded, and a text beyond the bounds is still labelled correctly.
 */
class StatementLabelsTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");
    private static final SchemaName GLOBEX = SchemaName.of("tenant_globex");

    @Test
    void theSameTenantAndSqlGetTheSameTextObjectAndEachTenantItsOwnLabel() {
        StatementLabels labels = new StatementLabels();
        String sql = "select * from notes where id = ?";

        String acme = labels.labelled(ACME, sql);
        String globex = labels.labelled(GLOBEX, sql);

        assertThat(acme).isEqualTo("/* tenant_acme */ " + sql).isSameAs(labels.labelled(ACME, sql));
        assertThat(globex).isEqualTo("/* tenant_globex */ " + sql).isSameAs(labels.labelled(GLOBEX, sql));
        assertThat(labels.labelled(ACME, new String(sql))).as("equal SQL text, another object").isSameAs(acme);
    }

    @Test
    void longSqlIsLabelledEveryTimeWithoutBeingKept() {
        StatementLabels labels = new StatementLabels();
        String sql = "select 1" + " ".repeat(StatementLabels.MAX_SQL_LENGTH);

        String first = labels.labelled(ACME, sql);

        assertThat(first).isEqualTo("/* tenant_acme */ " + sql);
        assertThat(labels.labelled(ACME, sql)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void onceTheBoundIsReachedTheKeptTextsAreForgottenAndTheCacheFillsAgain() {
        StatementLabels labels = new StatementLabels();
        String early = labels.labelled(ACME, "select 0");
        String filler = " ".repeat(StatementLabels.MAX_SQL_LENGTH - 20);
        long rounds = StatementLabels.MAX_CHARACTERS / (StatementLabels.MAX_SQL_LENGTH - 20) + 1;
        for (int i = 0; i < rounds; i++) {
            labels.labelled(GLOBEX, "select " + i + filler);
        }

        String again = labels.labelled(ACME, "select 0");

        assertThat(again).isEqualTo(early).isNotSameAs(early);
        assertThat(labels.labelled(ACME, "select 0")).isSameAs(again);
    }
}
