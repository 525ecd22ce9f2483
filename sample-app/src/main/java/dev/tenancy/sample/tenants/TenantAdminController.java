package dev.tenancy.sample.tenants;

import dev.tenancy.boot.web.PublicEndpoint;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's tenant API, for super super admins on the platform host ({@code localhost}); the security rules
 * answer 403 on tenant hosts before this is reached. Paths work with and without the trailing slash.
 */
@RestController
@PublicEndpoint
@RequestMapping("/api/admin/tenants")
class TenantAdminController {

    /** The fields a change may name (schema name, status and timestamps are the provisioner's). */
    private static final List<String> CHANGEABLE = List.of("name", "subscription_plan", "max_users", "is_active",
            "contact_email", "contact_phone");

    private final TenantRegistration registration;
    private final TenantCatalog catalog;
    private final JsonMapper json;

    TenantAdminController(TenantRegistration registration, TenantCatalog catalog, JsonMapper json) {
        this.registration = registration;
        this.catalog = catalog;
        this.json = json;
    }

    /** Creates a tenant with its schema, domain and super admin. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TenantCreated create(@RequestBody TenantApplication application, @AuthenticationPrincipal UserDetails user) {
        return TenantCreated.of(registration.register(application, user.getUsername()));
    }

    /** Lists tenants: {@code ?subscription_plan=professional&is_active=true&search=acme}, each optional. */
    @GetMapping
    List<TenantView> list(@RequestParam(name = "subscription_plan", required = false) String plan,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(name = "search", required = false) String search) {
        return catalog.list(plan, active, search);
    }

    @GetMapping("/{id}")
    TenantView get(@PathVariable long id) {
        return catalog.get(id);
    }

    /** Changes the plan, max_users, active state, name or contact details. */
    @PatchMapping("/{id}")
    TenantView change(@PathVariable long id, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw RequestRefusedException.invalid("The request body must be a JSON object with the fields to change.");
        }
        List<String> unchangeable = body.propertyNames().stream().filter(name -> !CHANGEABLE.contains(name)).toList();
        if (!unchangeable.isEmpty()) {
            throw RequestRefusedException.invalid(String.join(", ", unchangeable) + " cannot be changed here; only "
                    + String.join(", ", CHANGEABLE) + " can.");
        }
        TenantChanges changes;
        try {
            changes = json.treeToValue(body, TenantChanges.class);
        } catch (JacksonException e) {
            throw RequestRefusedException.invalid("The request body must be a JSON object with the documented fields "
                    + "and types.");
        }
        return catalog.change(id, changes);
    }

    /** Deactivates the tenant; its schema and data are kept and {@code is_active: true} serves it again. */
    @DeleteMapping("/{id}")
    TenantView deactivate(@PathVariable long id) {
        return catalog.deactivate(id);
    }
}
