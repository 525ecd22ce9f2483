package dev.tenancy.benchmarks.app.page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The realistic page, {@code GET /page/{id}}: see {@link Pages}; 404 when the current schema has no such item. */
@RestController
class PageController {

    private final Pages pages;

    PageController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping("/page/{id}")
    ResponseEntity<Pages.Page> page(@PathVariable long id) {
        return ResponseEntity.of(pages.page(id));
    }
}
