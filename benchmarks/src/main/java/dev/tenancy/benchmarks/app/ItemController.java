package dev.tenancy.benchmarks.app;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The benchmarked endpoint: one entity by id, as JSON; 404 when the current schema has no such row. */
@RestController
class ItemController {

    private final ItemRepository items;

    ItemController(ItemRepository items) {
        this.items = items;
    }

    @GetMapping("/items/{id}")
    ResponseEntity<Item> item(@PathVariable long id) {
        return ResponseEntity.of(items.findById(id));
    }
}
