package dev.tenancy.sample.admin;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.directory.DomainStore.DomainRecord;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.sample.tenants.TenantCatalog;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The platform's domain pages, for the super super admin on the platform host: the list, and adding, removing and
 * promoting a tenant's host names through Tenancy's provisioner and domain store, which keep exactly one primary
 * domain per tenant and tell the request filter at once.
 */
@Controller
@RequestMapping("/admin/domains")
class DomainPagesController {

    private final DomainListing listing;
    private final TenantCatalog catalog;
    private final TenantProvisioner provisioner;
    private final DomainStore store;
    private final TenantDirectory directory;
    private final DataSource dataSource;

    DomainPagesController(DomainListing listing, TenantCatalog catalog, TenantProvisioner provisioner,
            DomainStore store, TenantDirectory directory, DataSource dataSource) {
        this.listing = listing;
        this.catalog = catalog;
        this.provisioner = provisioner;
        this.store = store;
        this.directory = directory;
        this.dataSource = dataSource;
    }

    @GetMapping({"", "/"})
    String list(DomainListing.Query query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("domains", listing.find(query));
        model.addAttribute("pageLink", Links.withoutPage());
        return "admin/domains";
    }

    /** Adds {@code domain} to the tenant; {@code primary} makes it the one its links use. */
    @PostMapping("/add")
    String add(@RequestParam long tenantId, @RequestParam String domain,
            @RequestParam(defaultValue = "false") boolean primary, Authentication user,
            RedirectAttributes redirect) {
        SchemaName schema = SchemaName.of(catalog.get(tenantId).schemaName());
        try {
            provisioner.addDomain(schema, domain.trim(), primary, user.getName());
            redirect.addFlashAttribute("notice", "Domain added: " + domain.trim() + ".");
        } catch (TenantConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("domainProblem", e.getMessage());
            redirect.addFlashAttribute("newDomain", domain);
        }
        return "redirect:/admin/tenants/" + tenantId;
    }

    /** Removes {@code domain}; a tenant keeps at least one. */
    @PostMapping("/remove")
    String remove(@RequestParam String domain, @RequestParam(required = false) String from, Authentication user,
            RedirectAttributes redirect) {
        DomainRecord record = find(domain);
        if (listing.ofTenant(record.tenantId()).size() < 2) {
            redirect.addFlashAttribute("problem", "The domain " + record.domain() + " is its tenant's only one; "
                    + "add another before removing it, or deactivate the tenant instead.");
        } else {
            provisioner.removeDomain(record.domain(), user.getName());
            redirect.addFlashAttribute("notice", "Domain removed: " + record.domain() + ".");
        }
        return back(from, record);
    }

    /** Makes {@code domain} its tenant's primary domain, demoting the old one. */
    @PostMapping("/primary")
    String makePrimary(@RequestParam String domain, @RequestParam(required = false) String from,
            RedirectAttributes redirect) {
        DomainRecord record = find(domain);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                store.makePrimary(connection, record.domain());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not make " + record.domain() + " primary: " + e.getMessage(), e);
        }
        directory.evictTenant(SchemaName.of(catalog.get(record.tenantId()).schemaName()));
        redirect.addFlashAttribute("notice", record.domain() + " is now its tenant's primary domain.");
        return back(from, record);
    }

    private DomainRecord find(String domain) {
        Optional<DomainRecord> record;
        try (Connection connection = dataSource.getConnection()) {
            record = store.find(connection, domain);
        } catch (InvalidInputException e) {
            record = Optional.empty();
        } catch (SQLException e) {
            throw new TenancyException("Could not read the domain " + domain + ": " + e.getMessage(), e);
        }
        return record.orElseThrow(() -> RequestRefusedException.notFound(
                "No tenant has the domain " + domain + "."));
    }

    private static String back(String from, DomainRecord record) {
        return "list".equals(from) ? "redirect:/admin/domains" : "redirect:/admin/tenants/" + record.tenantId();
    }
}
