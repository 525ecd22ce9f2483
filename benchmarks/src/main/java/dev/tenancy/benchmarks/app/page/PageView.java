package dev.tenancy.benchmarks.app.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One view of the realistic page ({@code page_views}): the row the page inserts in its transaction. */
@Entity
@Table(name = "page_views")
public class PageView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(name = "viewed_at", nullable = false)
    private Instant viewedAt;

    protected PageView() {
    }

    PageView(long itemId, Instant viewedAt) {
        this.itemId = itemId;
        this.viewedAt = viewedAt;
    }

    public Long getId() {
        return id;
    }
}
