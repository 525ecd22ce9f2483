package dev.tenancy.boot.cli;

import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantRequest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options {@code create-tenant} and {@code clone-tenant} share, and the {@link TenantRequest} they describe:
 * the new tenant's name (subdomain or schema), further domains, values for the application's own tenant columns.
 */
final class TenantRequestOptions {

    private TenantRequestOptions() {
    }

    /** The shared options; the tenant is named by exactly one of {@code --subdomain} and {@code --schema}. */
    static List<CommandOption> options() {
        return List.of(
                CommandOption.optional("subdomain", "LABEL", "name the tenant by its subdomain: schema tenant_LABEL, "
                        + "primary domain LABEL.<tenancy.domain-suffix>"),
                CommandOption.optional("schema", "NAME", "name the tenant by its schema (no domain but --domain's)"),
                CommandOption.repeatable("domain", "HOST", "a host name for the tenant; its first domain is primary"),
                CommandOption.repeatable("set", "COLUMN=VALUE", "a value for one of the tenant table's own columns, "
                        + "e.g. --set=name=Acme"),
                CommandOption.flag("auto-drop-schema", "deleting the tenant later drops its schema and data"));
    }

    /**
     * The request the options describe, made by {@link ProvisionerCalls#actor()}.
     *
     * @throws CommandUsageException when the options are incomplete, combined wrongly or malformed
     */
    static TenantRequest request(CommandArguments arguments, Collection<String> reservedSchemas) {
        Optional<String> subdomain = arguments.optionalValue("subdomain");
        if (subdomain.isPresent() == arguments.optionalValue("schema").isPresent()) {
            throw new CommandUsageException("Give either --subdomain=LABEL or --schema=NAME.");
        }
        TenantRequest request = subdomain.isPresent() ? TenantRequest.subdomain(subdomain.get())
                : TenantRequest.schema(arguments.schema("schema", reservedSchemas).value());
        arguments.values("domain").forEach(request::domain);
        return request.values(columnValues(arguments.values("set")))
                .autoDropSchema(arguments.has("auto-drop-schema"))
                .actor(ProvisionerCalls.actor());
    }

    /** What a command prints about the tenant it made, e.g. {@code tenant_acme (id 7) at acme.example.com}. */
    static String describe(TenantInfo tenant) {
        return tenant.schema() + " (id " + tenant.id() + ")" + (tenant.domains().isEmpty()
                ? " with no domain; add one with create-domain"
                : " at " + String.join(", ", tenant.domains()) + " (the first is primary)");
    }

    private static Map<String, String> columnValues(List<String> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new CommandUsageException("--set needs COLUMN=VALUE, e.g. --set=name=Acme; got '" + assignment
                        + "'.");
            }
            String column = assignment.substring(0, equals);
            if (values.putIfAbsent(column, assignment.substring(equals + 1)) != null) {
                throw new CommandUsageException("--set gives the column '" + column + "' twice.");
            }
        }
        return values;
    }
}
