package dev.tenancy.benchmarks.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Plain Spring Data JPA repository: {@code findById} is the benchmarked read. */
public interface ItemRepository extends JpaRepository<Item, Long> {
}
