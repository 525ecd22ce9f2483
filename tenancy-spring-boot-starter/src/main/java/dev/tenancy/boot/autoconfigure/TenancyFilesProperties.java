package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Each tenant's files ({@code tenancy.files.*}). */
@ConfigurationProperties("tenancy.files")
public class TenancyFilesProperties {

    /**
     * Storage root of each tenant's files, with %s for the tenant's schema name, e.g. /var/app/%s/media (like
     * django-tenants' MULTITENANT_RELATIVE_MEDIA_ROOT = "%s/media"); a relative pattern is taken from the working
     * directory. When set, a TenantFiles bean stores, reads, lists and deletes the current tenant's files there.
     */
    private String rootPattern;

    public String getRootPattern() {
        return rootPattern;
    }

    public void setRootPattern(String rootPattern) {
        this.rootPattern = rootPattern;
    }
}
