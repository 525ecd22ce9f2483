package dev.tenancy.sample.users;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

/** Users of the schema the code runs in: a tenant's users on its hosts, platform users in public. */
public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllByOrderById();

    /**
     * Locks the tenant's row in {@code public.tenants} until the transaction ends, so that user creations in one
     * tenant happen one at a time, and returns the tenant's {@code max_users}; empty when no tenant has that id.
     */
    @Query(value = "SELECT max_users FROM public.tenants WHERE id = :tenantId FOR UPDATE", nativeQuery = true)
    Optional<Integer> lockUserLimit(@Param("tenantId") long tenantId);
}
