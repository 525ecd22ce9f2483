package dev.tenancy.boot.testapp;

import dev.tenancy.core.Tenants;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/** Error pages name the tenant they were rendered in, under "tenant" ("public" outside any tenant). */
@Component
class TenantErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.put("tenant", Tenants.current().map(Object::toString).orElse("public"));
        return attributes;
    }
}
