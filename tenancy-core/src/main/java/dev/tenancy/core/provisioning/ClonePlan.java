package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to rebuild a schema's structure (and optionally its rows) under another name, read from the
 * catalogue by {@link ClonePlanReader}.
 *
 * <p>How: each table is created with {@code CREATE TABLE ... (LIKE source.table INCLUDING ALL)}, which copies
 * columns, defaults, generated columns, CHECK constraints, indexes (primary keys and unique and exclusion constraints
 * included), storage and comments exactly (expression trees, not re-parsed text), except that it names indexes by
 * the default rules, so {@link IndexNames} renames them back. The rest is created from definitions PostgreSQL printed
 * while the source was the only schema on the {@code search_path}, so they name the source's own objects without a
 * schema and everything else (e.g. {@code public.plans}) with one; {@link #apply} runs them with the target as the
 * only schema on the path, so they land in, and refer to, the target: sequences (identity ones through
 * {@code ADD GENERATED ... AS IDENTITY}), column defaults that use them, foreign keys, NOT VALID checks (which LIKE
 * would validate) and views, each view after those it reads.
 *
 * <p>A view is the one thing re-created from printed text whose stored form can differ: PostgreSQL may keep an
 * equivalent expression in another shape (e.g. {@code status IN ('a', 'b')} on a varchar column), which changes how
 * the view prints, not what it returns.
 *
 * <p>All names and fragments come from PostgreSQL's own {@code quote_ident}, {@code format_type} and
 * {@code pg_get_*def} functions; the two schema names are {@link SchemaName}s.
 *
 * @param source the schema the plan was read from
 * @param sequences its sequences, identity ones included, in creation order
 * @param tables its tables
 * @param defaults column defaults that refer to the source's own objects (e.g. {@code nextval('t_id_seq')})
 * @param constraints NOT VALID checks, then foreign keys
 * @param indexes every index, to give LIKE's copies their names back
 * @param views views, each after the views it reads
 * @param historyTable the {@link Table#name()} of the migration history table, or null when the source has none
 */
record ClonePlan(SchemaName source, List<Sequence> sequences, List<Table> tables, List<Default> defaults,
        List<Constraint> constraints, List<Index> indexes, List<View> views, String historyTable) {

    /** What to copy besides the structure. */
    enum Content {
        /** Every row the source had when the plan was read, and the sequences' positions. */
        WITH_DATA,
        /** Only the migration history, so that later migrations apply normally. */
        STRUCTURE
    }

    /**
     * A sequence: {@code options} is the {@code INCREMENT BY ... CYCLE} part of its definition; {@code identity} is
     * {@code ALWAYS} or {@code BY DEFAULT} for an identity column's sequence, else null; {@code lastValue} is null
     * when the sequence was never used (or its position was not read).
     */
    record Sequence(String name, String type, String options, String ownerTable, String ownerColumn, String identity,
            Long lastValue, String comment) {
    }

    /**
     * A table; {@code options} are its storage options ready for {@code WITH (...)} (or null), {@code columns} the
     * columns an INSERT may fill, quoted.
     */
    record Table(String name, boolean unlogged, String options, String comment, String columns, boolean hasRows) {
    }

    /** A column default to set again once the target's objects exist. */
    record Default(String table, String column, String expression) {
    }

    /** A foreign key, or a CHECK that was added NOT VALID ({@code check}). */
    record Constraint(String table, String name, String definition, boolean check, String comment) {
    }

    /**
     * An index; {@code key} is what LIKE's copy of it has in common with it (constraint, uniqueness, definition
     * without names), {@code constraint} whether a constraint owns it.
     */
    record Index(String table, String name, String key, boolean constraint) {
    }

    /** A view, its {@code SELECT}, its options ready for {@code WITH (...)} (or null) and its comment. */
    record View(String name, String query, String options, String comment) {
    }

    /** Builds the copy of the source in {@code target}, inside the caller's transaction. */
    void apply(Connection transaction, SchemaName target, Content content) throws SQLException {
        String to = target.quoted() + ".";
        Jdbc.executeAll(transaction, structure(target));
        Jdbc.executeAll(transaction, IndexNames.renames(transaction, this, target));
        List<String> rows = new ArrayList<>();
        for (Table table : tables) {
            boolean copy = content == Content.WITH_DATA ? table.hasRows() : table.name().equals(historyTable);
            if (copy && !table.columns().isEmpty()) {
                rows.add("INSERT INTO " + to + table.name() + " (" + table.columns() + ") OVERRIDING SYSTEM VALUE "
                        + "SELECT " + table.columns() + " FROM " + source.quoted() + "." + table.name());
            }
        }
        Jdbc.executeAll(transaction, rows);
        List<String> positions = new ArrayList<>();
        for (Sequence sequence : sequences) {
            if (content == Content.WITH_DATA && sequence.lastValue() != null) {
                positions.add("setval(" + Jdbc.literal(to + sequence.name()) + ", " + sequence.lastValue() + ", true)");
            }
        }
        if (!positions.isEmpty()) {
            Jdbc.queryString(transaction, "SELECT " + String.join(", ", positions));
        }
        Jdbc.executeAll(transaction, constraintsAndViews(target));
    }

    private List<String> structure(SchemaName target) {
        String to = target.quoted() + ".";
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA " + target.quoted());
        statements.add("SET LOCAL search_path = " + target.quoted());
        for (Sequence sequence : sequences) {
            if (sequence.identity() == null) {
                statements.add("CREATE SEQUENCE " + to + sequence.name() + " AS " + sequence.type() + " "
                        + sequence.options());
            }
        }
        for (Table table : tables) {
            statements.add("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + to + table.name() + " (LIKE "
                    + source.quoted() + "." + table.name() + " INCLUDING ALL EXCLUDING IDENTITY EXCLUDING STATISTICS)"
                    + (table.options() == null ? "" : " WITH (" + table.options() + ")"));
            comment(statements, "TABLE " + to + table.name(), table.comment());
        }
        for (Sequence sequence : sequences) {
            if (sequence.identity() != null) {
                statements.add("ALTER TABLE " + to + sequence.ownerTable() + " ALTER COLUMN " + sequence.ownerColumn()
                        + " ADD GENERATED " + sequence.identity() + " AS IDENTITY (SEQUENCE NAME " + to
                        + sequence.name() + " " + sequence.options() + ")");
            }
        }
        for (Default column : defaults) {
            statements.add("ALTER TABLE " + to + column.table() + " ALTER COLUMN " + column.column() + " SET DEFAULT "
                    + column.expression());
        }
        for (Sequence sequence : sequences) {
            if (sequence.identity() == null && sequence.ownerTable() != null) {
                statements.add("ALTER SEQUENCE " + to + sequence.name() + " OWNED BY " + to + sequence.ownerTable()
                        + "." + sequence.ownerColumn());
            }
            comment(statements, "SEQUENCE " + to + sequence.name(), sequence.comment());
        }
        for (Constraint constraint : constraints) {
            if (constraint.check()) {
                statements.add("ALTER TABLE " + to + constraint.table() + " DROP CONSTRAINT " + constraint.name());
            }
        }
        return statements;
    }

    private List<String> constraintsAndViews(SchemaName target) {
        String to = target.quoted() + ".";
        List<String> statements = new ArrayList<>();
        for (Constraint constraint : constraints) {
            statements.add("ALTER TABLE " + to + constraint.table() + " ADD CONSTRAINT " + constraint.name() + " "
                    + constraint.definition());
            comment(statements, "CONSTRAINT " + constraint.name() + " ON " + to + constraint.table(),
                    constraint.comment());
        }
        for (View view : views) {
            statements.add("CREATE VIEW " + to + view.name() + (view.options() == null ? "" : " WITH ("
                    + view.options() + ")") + " AS " + view.query());
            comment(statements, "VIEW " + to + view.name(), view.comment());
        }
        if (historyTable != null) {
            statements.add("UPDATE " + to + historyTable + " SET script = " + Jdbc.literal(target.quoted())
                    + " WHERE type = 'SCHEMA' AND script = " + Jdbc.literal(source.quoted()));
        }
        return statements;
    }

    private static void comment(List<String> statements, String target, String comment) {
        if (comment != null) {
            statements.add("COMMENT ON " + target + " IS " + Jdbc.literal(comment));
        }
    }
}
