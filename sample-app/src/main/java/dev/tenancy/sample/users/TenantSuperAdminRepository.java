package dev.tenancy.sample.users;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** The current tenant's administrators; use only inside a tenant. */
public interface TenantSuperAdminRepository extends JpaRepository<TenantSuperAdmin, Long> {

    Optional<TenantSuperAdmin> findByUserId(Long userId);
}
