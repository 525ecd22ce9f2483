package dev.tenancy.test.app;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoteController {

    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    List<String> list() {
        return notes.findAll().stream().map(Note::getBody).toList();
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody Map<String, String> note) {
        Note saved = notes.save(new Note(note.get("body")));
        return Map.of("id", saved.getId(), "body", saved.getBody());
    }

    @GetMapping("/account")
    Map<String, String> account(Principal user) {
        return Map.of("username", user.getName());
    }
}
