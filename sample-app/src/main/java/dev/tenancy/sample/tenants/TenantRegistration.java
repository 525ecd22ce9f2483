package dev.tenancy.sample.tenants;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.sample.users.UserAccounts;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.stereotype.Service;

/**
 * Registers a tenant through Tenancy's provisioning service, all or nothing: its row, its domain
 * {@code <subdomain>.<tenancy.domain-suffix>}, its schema {@code tenant_<subdomain>} and, inside the new schema, its
 * super admin. The tenant is served once all of them exist; when a step fails nothing is left behind and the
 * subdomain can be registered again at once. Every registration is recorded in the provisioning audit.
 */
@Service
public class TenantRegistration {

    private final TenantProvisioner provisioner;
    private final UserAccounts accounts;

    TenantRegistration(TenantProvisioner provisioner, UserAccounts accounts) {
        this.provisioner = provisioner;
        this.accounts = accounts;
    }

    /**
     * Registers the tenant {@code application} describes.
     *
     * @param actor who asks, for the audit (a user name, or {@code cli})
     * @throws RequestRefusedException (invalid) when the application is not valid; (conflict) when the subdomain is
     *     taken
     */
    public RegisteredTenant register(TenantApplication application, String actor) {
        TenantApplication valid = application.validated();
        TenantRequest request = TenantRequest.subdomain(valid.subdomain())
                .value("name", valid.companyName())
                .value("subscription_plan", valid.plan().value())
                .value("contact_email", valid.adminEmail())
                .setUp(tenant -> accounts.createTenantSuperAdmin(valid.adminEmail(), valid.adminPassword()))
                .actor(actor);
        TenantInfo tenant;
        try {
            tenant = provisioner.create(request);
        } catch (TenantConflictException e) {
            throw RequestRefusedException.conflict("The subdomain '" + valid.subdomain() + "' is taken. Choose "
                    + "another.");
        } catch (InvalidInputException e) {
            throw RequestRefusedException.invalid(e.getMessage());
        }
        return new RegisteredTenant(tenant.id(), tenant.schema().value(), tenant.primaryDomain(),
                valid.adminEmail());
    }
}
