package dev.tenancy.sample.users;

import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the signed-in user, on any host. */
@RestController
class MeController {

    private final UserAccounts accounts;

    MeController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Who is signed in here.
     *
     * @param id their id in the site's schema
     * @param username their user name
     * @param email their e-mail address
     * @param firstName first name
     * @param lastName last name
     * @param role super_super_admin, tenant_super_admin or user
     * @param site the host they are signed in to (a tenant's, or the platform's)
     */
    record Me(long id, String username, String email, String firstName, String lastName, String role, String site) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal UserDetails principal, HttpServletRequest request) {
        Account account = accounts.find(principal.getUsername()).orElseThrow(() ->
                RequestRefusedException.notFound("Your account no longer exists."));
        AppUser user = account.user();
        return new Me(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                account.role().value(), TenantDirectory.normaliseHost(request.getServerName()));
    }
}
