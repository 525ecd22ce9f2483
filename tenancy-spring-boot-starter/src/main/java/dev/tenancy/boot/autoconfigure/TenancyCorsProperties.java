package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Cross-origin requests allowed from each tenant's own domains, under {@code tenancy.cors.*}. */
@ConfigurationProperties("tenancy.cors")
public class TenancyCorsProperties {

    /**
     * Whether Tenancy answers cross-origin requests: a tenant's API may be called from pages on that tenant's own
     * domains (https or http, any port) and from allowed-origins, never from another tenant's. Off by default:
     * CORS relaxes the browser's same-origin protection, so an application turns it on knowingly.
     */
    private boolean enabled;

    /**
     * Origins allowed for every tenant and for public requests, besides each tenant's own domains, e.g.
     * https://app.example.com. Patterns as Spring's allowedOriginPatterns: https://*.partner.example, ports [*].
     */
    private List<String> allowedOrigins = new ArrayList<>();

    /** HTTP methods cross-origin requests may use. */
    private List<String> allowedMethods = new ArrayList<>(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));

    /** Request headers cross-origin requests may send; "*" allows any. */
    private List<String> allowedHeaders = new ArrayList<>(List.of("*"));

    /** Response headers the calling page may read, besides the CORS-safelisted ones. */
    private List<String> exposedHeaders = new ArrayList<>();

    /** Whether cross-origin requests may carry cookies and HTTP authentication (the tenant's session). */
    private boolean allowCredentials;

    /** How long browsers may cache a preflight answer. */
    private Duration maxAge = Duration.ofMinutes(30);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public List<String> getAllowedMethods() {
        return allowedMethods;
    }

    public void setAllowedMethods(List<String> allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    public List<String> getAllowedHeaders() {
        return allowedHeaders;
    }

    public void setAllowedHeaders(List<String> allowedHeaders) {
        this.allowedHeaders = allowedHeaders;
    }

    public List<String> getExposedHeaders() {
        return exposedHeaders;
    }

    public void setExposedHeaders(List<String> exposedHeaders) {
        this.exposedHeaders = exposedHeaders;
    }

    public boolean isAllowCredentials() {
        return allowCredentials;
    }

    public void setAllowCredentials(boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}
