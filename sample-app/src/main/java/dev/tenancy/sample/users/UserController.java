package dev.tenancy.sample.users;

import dev.tenancy.boot.web.TenantEndpoint;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A tenant's user API, for its super admin on the tenant's own host; the security rules answer 403 on the platform
 * host and to other users before this is reached. Everything here reads and writes the request's tenant only.
 */
@RestController
@TenantEndpoint
@RequestMapping("/api/users")
class UserController {

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Creates a user of this tenant, within its max_users. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserCreated create(TenantRecord tenant, @RequestBody NewUser newUser) {
        AppUser user = accounts.createUser(tenant.id(), newUser.validated());
        return new UserCreated("success", user.getId(), user.getUsername());
    }

    /** This tenant's users, oldest first. */
    @GetMapping
    List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }
}
