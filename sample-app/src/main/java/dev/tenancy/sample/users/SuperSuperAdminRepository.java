package dev.tenancy.sample.users;

import org.springframework.data.jpa.repository.JpaRepository;

/** Platform administrators; use only in public, where their users live. */
public interface SuperSuperAdminRepository extends JpaRepository<SuperSuperAdmin, Long> {

    boolean existsByUserId(Long userId);
}
