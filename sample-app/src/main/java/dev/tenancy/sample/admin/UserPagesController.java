package dev.tenancy.sample.admin;

import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.sample.security.AccountPrincipal;
import dev.tenancy.sample.tenants.TenantCatalog;
import dev.tenancy.sample.users.AppUser;
import dev.tenancy.sample.users.NewUser;
import dev.tenancy.sample.users.UserAccounts;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's user pages, for its super admin on the tenant's own host (the security rules refuse everyone else):
 * the users, searched; a new user within the tenant's {@code max_users}; deactivating one. Everything is read from
 * and written to the request's tenant only, and no page names its schema.
 */
@Controller
@RequestMapping("/admin/users")
class UserPagesController {

    private final UserAccounts accounts;
    private final TenantCatalog catalog;

    UserPagesController(UserAccounts accounts, TenantCatalog catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** A user as the list shows them. */
    record UserRow(long id, String username, String email, String name, boolean active, String joined) {

        static UserRow of(AppUser user) {
            return new UserRow(user.getId(), user.getUsername(), user.getEmail(),
                    (user.getFirstName() + " " + user.getLastName()).trim(), user.isActive(),
                    Timestamps.format(user.getDateJoined()));
        }
    }

    /** A new user as the form sends it. */
    record UserForm(String username, String email, String password, String firstName, String lastName) {

        NewUser user() {
            return new NewUser(username, email, password, firstName, lastName);
        }
    }

    @GetMapping({"", "/"})
    String list(TenantRecord tenant, @RequestParam(required = false) String q, Model model) {
        return page(tenant, q, new UserForm("", "", "", "", ""), Map.of(), null, model);
    }

    @PostMapping({"", "/"})
    String create(TenantRecord tenant, UserForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Map<String, String> problems = form.user().problems();
        String problem = null;
        if (problems.isEmpty()) {
            try {
                AppUser user = accounts.createUser(tenant.id(), form.user());
                redirect.addFlashAttribute("notice", "User created: " + user.getUsername() + ".");
                return "redirect:/admin/users";
            } catch (RequestRefusedException e) {
                if (e.reason() == RequestRefusedException.Reason.CONFLICT) {
                    problems = Map.of("username", e.getMessage());
                } else {
                    problem = e.getMessage();
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(tenant, null, new UserForm(form.username(), form.email(), "", form.firstName(),
                form.lastName()), problems, problem, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        AppUser user = accounts.deactivate(id, admin.id());
        redirect.addFlashAttribute("notice", "User deactivated: " + user.getUsername() + ". They can no longer "
                + "sign in.");
        return "redirect:/admin/users";
    }

    private String page(TenantRecord tenant, String q, UserForm form, Map<String, String> problems, String problem,
            Model model) {
        List<AppUser> users = accounts.list();
        String search = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        model.addAttribute("users", users.stream().filter(user -> search.isEmpty()
                || (user.getUsername() + " " + user.getEmail() + " " + user.getFirstName() + " "
                        + user.getLastName()).toLowerCase(Locale.ROOT).contains(search)).map(UserRow::of).toList());
        model.addAttribute("userCount", users.size());
        model.addAttribute("maxUsers", catalog.get(tenant.id()).maxUsers());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("problem", problem);
        return "admin/users";
    }
}
