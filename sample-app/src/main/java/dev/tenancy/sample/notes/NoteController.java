package dev.tenancy.sample.notes;

import dev.tenancy.boot.web.TenantEndpoint;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A tenant's notes API, for every signed-in user of the tenant on its own host; the security rules answer 403 on the
 * platform host. Everything here reads and writes the request's tenant only, including the cached summary and the
 * report computed on another thread.
 */
@RestController
@TenantEndpoint
@RequestMapping("/api/notes")
class NoteController {

    private static final int MAX_LIMIT = 100;

    private final Notes notes;

    NoteController(Notes notes) {
        this.notes = notes;
    }

    /** Writes a note. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Note add(@RequestBody NewNote note, @AuthenticationPrincipal UserDetails author) {
        return notes.add(note.validated(), author.getUsername());
    }

    /** Writes several notes at once. */
    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    ImportedNotes importNotes(@RequestBody NoteImport batch, @AuthenticationPrincipal UserDetails author) {
        return notes.importNotes(batch.validated(), author.getUsername());
    }

    /** The newest notes, newest first. */
    @GetMapping
    List<Note> newest(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRefusedException.invalid("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return notes.newest(limit);
    }

    /** One note. */
    @GetMapping("/{id}")
    Note note(@PathVariable long id) {
        return notes.find(id).orElseThrow(() -> RequestRefusedException.notFound("There is no note " + id
                + " here."));
    }

    /** How many notes there are and the newest, from the tenant's cache. */
    @GetMapping("/summary")
    NoteSummary summary() {
        return notes.summary();
    }

    /** A report, computed on the application's task executor: the request thread is free meanwhile. */
    @GetMapping("/report")
    Callable<NoteReport> report() {
        return notes::report;
    }
}
