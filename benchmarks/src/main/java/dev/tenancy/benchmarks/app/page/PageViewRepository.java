package dev.tenancy.benchmarks.app.page;

import org.springframework.data.jpa.repository.JpaRepository;

/** Inserts the page's {@link PageView}s. */
public interface PageViewRepository extends JpaRepository<PageView, Long> {
}
