package dev.tenancy.sample.notes;

import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request's tenant's notes, in its own {@code notes} table (plain SQL through the tenant-aware
 * {@code DataSource}). Each write is one transaction, committed before the tenant's cached summary is evicted, so
 * the next summary is read after the write. An import is one transaction too: all or nothing, or with each note in
 * a savepoint of its own (JDBC's, on the transaction's connection) so that one whose title is taken is rolled back
 * alone.
 */
@Service
public class Notes {

    static final String SUMMARIES = "note-summaries";

    private static final String COLUMNS = "id, title, body, author, created_on";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JdbcTemplate connections;

    Notes(JdbcClient jdbc, JdbcTemplate connections, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Writes a note by {@code author}.
     *
     * @throws RequestRefusedException (conflict) when the tenant has a note with that title
     */
    @CacheEvict(cacheNames = SUMMARIES, allEntries = true)
    public Note add(NewNote note, String author) {
        try {
            return transaction.execute(status -> insert(note, author));
        } catch (DuplicateKeyException e) {
            throw taken(note);
        }
    }

    /**
     * Writes {@code notes} by {@code author} in one transaction.
     *
     * @throws RequestRefusedException (conflict) when a title is taken and skipping was not asked for; nothing is
     *     written then
     */
    @CacheEvict(cacheNames = SUMMARIES, allEntries = true)
    public ImportedNotes importNotes(NoteImport notes, String author) {
        return transaction.execute(status -> {
            List<String> skipped = new ArrayList<>();
            for (NewNote note : notes.notes()) {
                if (notes.skipping()) {
                    if (!insertInSavepoint(note, author)) {
                        skipped.add(note.title());
                    }
                } else {
                    try {
                        insert(note, author);
                    } catch (DuplicateKeyException e) {
                        throw taken(note);
                    }
                }
            }
            return new ImportedNotes(notes.notes().size() - skipped.size(), skipped);
        });
    }

    /** The note with this id, if the tenant has it. */
    public Optional<Note> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE id = ?").param(id).query(Note.class).optional();
    }

    /** The tenant's {@code limit} newest notes, newest first. */
    public List<Note> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notes ORDER BY id DESC LIMIT ?").param(limit).query(Note.class)
                .list();
    }

    /** How many notes the tenant has and its newest; cached per tenant until one of its notes is written. */
    @Cacheable(SUMMARIES)
    public NoteSummary summary() {
        long count = jdbc.sql("SELECT count(*) FROM notes").query(Long.class).single();
        String newest = jdbc.sql("SELECT title FROM notes ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .orElse(null);
        return new NoteSummary(count, newest);
    }

    /** A report on the tenant's notes. */
    public NoteReport report() {
        return transaction.execute(status -> {
            long[] counts = jdbc.sql("SELECT count(*), count(DISTINCT author) FROM notes")
                    .query((row, number) -> new long[] {row.getLong(1), row.getLong(2)}).single();
            List<String> newest = jdbc.sql("SELECT title FROM notes ORDER BY id DESC LIMIT 5").query(String.class)
                    .list();
            return new NoteReport(counts[0], counts[1], newest);
        });
    }

    /** Inserts {@code note} in a savepoint of the transaction; false, rolled back to it, when its title is taken. */
    private boolean insertInSavepoint(NewNote note, String author) {
        return Boolean.TRUE.equals(connections.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                insert(note, author);
            } catch (DuplicateKeyException e) {
                connection.rollback(savepoint);
                return false;
            }
            connection.releaseSavepoint(savepoint);
            return true;
        }));
    }

    private Note insert(NewNote note, String author) {
        return jdbc.sql("INSERT INTO notes (title, body, author) VALUES (?, ?, ?) RETURNING " + COLUMNS)
                .params(note.title(), note.bodyOrEmpty(), author).query(Note.class).single();
    }

    private static RequestRefusedException taken(NewNote note) {
        return RequestRefusedException.conflict("A note titled '" + note.title() + "' exists already. Choose "
                + "another title, or import with skip_existing: true.");
    }
}
