package dev.tenancy.sample.admin;

import dev.tenancy.sample.tenants.RegisteredTenant;
import dev.tenancy.sample.tenants.SubscriptionPlan;
import dev.tenancy.sample.tenants.TenantApplication;
import dev.tenancy.sample.tenants.TenantCatalog;
import dev.tenancy.sample.tenants.TenantChanges;
import dev.tenancy.sample.tenants.TenantRegistration;
import dev.tenancy.sample.tenants.TenantView;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The platform's tenant pages, for the super super admin on the platform host (the security rules refuse everyone
 * else): the list, a new tenant through the same registration service as the API, and a tenant's page where its
 * plan, user limit and contact details change and it is deactivated or activated again.
 */
@Controller
@RequestMapping("/admin/tenants")
class TenantPagesController {

    private final TenantListing listing;
    private final TenantCatalog catalog;
    private final TenantRegistration registration;
    private final DomainListing domains;

    TenantPagesController(TenantListing listing, TenantCatalog catalog, TenantRegistration registration,
            DomainListing domains) {
        this.listing = listing;
        this.catalog = catalog;
        this.registration = registration;
        this.domains = domains;
    }

    /** A new tenant as the form sends it; the names are the API's. */
    record NewTenantForm(String companyName, String subdomain, String adminEmail, String adminPassword,
            String subscriptionPlan) {

        TenantApplication application() {
            return new TenantApplication(companyName, subdomain, adminEmail, adminPassword, subscriptionPlan);
        }
    }

    /** A tenant's changes as the form sends them. */
    record TenantForm(String name, String subscriptionPlan, String maxUsers, String contactEmail,
            String contactPhone) {
    }

    @GetMapping({"", "/"})
    String list(TenantListing.Query query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("tenants", listing.find(query));
        model.addAttribute("pageLink", Links.withoutPage());
        model.addAttribute("sortLinks", Links.sorting(List.of("name", "schema", "active", "plan", "created"),
                query.sort(), query.dir()));
        model.addAttribute("plans", SubscriptionPlan.values());
        return "admin/tenants";
    }

    @GetMapping("/new")
    String newTenant(Model model) {
        return newTenantPage(new NewTenantForm("", "", "", "", "basic"), Map.of(), model);
    }

    @PostMapping("/new")
    String create(NewTenantForm form, Authentication user, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        TenantApplication application = form.application();
        Map<String, String> problems = application.problems();
        if (problems.isEmpty()) {
            try {
                RegisteredTenant tenant = registration.register(application, user.getName());
                redirect.addFlashAttribute("notice", "Tenant created: " + tenant.domain() + ", with its super "
                        + "admin " + tenant.adminUsername() + ".");
                return "redirect:/admin/tenants/" + tenant.id();
            } catch (RequestRefusedException e) {
                problems = Map.of("subdomain", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return newTenantPage(new NewTenantForm(form.companyName(), form.subdomain(), form.adminEmail(), "",
                form.subscriptionPlan()), problems, model);
    }

    private static String newTenantPage(NewTenantForm form, Map<String, String> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("plans", SubscriptionPlan.values());
        return "admin/tenant-new";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        TenantView tenant = catalog.get(id);
        return tenantPage(tenant, new TenantForm(tenant.name(), tenant.subscriptionPlan(),
                Integer.toString(tenant.maxUsers()), orEmpty(tenant.contactEmail()), orEmpty(tenant.contactPhone())),
                null, model);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, TenantForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Integer maxUsers = parse(form.maxUsers());
        String problem = maxUsers == null ? "max_users must be a whole number, at least 1." : null;
        if (problem == null) {
            try {
                catalog.change(id, new TenantChanges(form.name(), form.subscriptionPlan(), maxUsers, null,
                        orEmpty(form.contactEmail()).trim(), orEmpty(form.contactPhone()).trim()));
                redirect.addFlashAttribute("notice", "Changes saved.");
                return "redirect:/admin/tenants/" + id;
            } catch (RequestRefusedException e) {
                if (e.reason() == RequestRefusedException.Reason.NOT_FOUND) {
                    throw e;
                }
                problem = e.getMessage();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return tenantPage(catalog.get(id), form, problem, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        catalog.change(id, new TenantChanges(null, null, null, false, null, null));
        redirect.addFlashAttribute("notice", "Tenant deactivated: its hosts are refused; its data is kept.");
        return "redirect:/admin/tenants/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        catalog.change(id, new TenantChanges(null, null, null, true, null, null));
        redirect.addFlashAttribute("notice", "Tenant activated: its hosts are served again.");
        return "redirect:/admin/tenants/" + id;
    }

    private String tenantPage(TenantView tenant, TenantForm form, String problem, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("createdOn", Timestamps.format(tenant.createdOn()));
        model.addAttribute("updatedOn", Timestamps.format(tenant.updatedOn()));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("plans", SubscriptionPlan.values());
        model.addAttribute("domains", domains.ofTenant(tenant.id()));
        return "admin/tenant";
    }

    private static Integer parse(String number) {
        try {
            return number == null ? null : Integer.valueOf(number.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
