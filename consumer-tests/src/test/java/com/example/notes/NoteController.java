package com.example.notes;

import dev.tenancy.boot.web.TenantEndpoint;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The notes API; marked tenant-only in step 4 of the conversion. */
@RestController
@TenantEndpoint
class NoteController {

    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    List<String> notes() {
        return notes.findAll().stream().map(Note::getBody).toList();
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    void add(@RequestBody String body) {
        notes.save(new Note(body));
    }
}
