package dev.tenancy.boot.testapp;

import dev.tenancy.boot.web.PublicEndpoint;
import dev.tenancy.boot.web.TenantEndpoint;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Endpoints for every request, public-only endpoints, and one tenant-only method on an unannotated controller. */
@RestController
class SiteController {

    private final PlanRepository plans;

    SiteController(PlanRepository plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    List<String> plans() {
        return plans.findAll().stream().map(Plan::getName).sorted().toList();
    }

    @GetMapping("/whoami")
    String whoami(TenantRecord tenant, HttpServletRequest request) {
        return (tenant == null ? "public" : tenant.schema().value()) + " at '" + request.getContextPath() + "'";
    }

    @GetMapping("/me")
    String me(Principal principal) {
        return principal == null ? "not signed in" : principal.getName();
    }

    @GetMapping("/signup")
    @PublicEndpoint
    String signup() {
        return "sign up here";
    }

    @GetMapping("/dashboard")
    @TenantEndpoint
    String dashboard() {
        return "dashboard";
    }

    @GetMapping("/pricing")
    String pricing() {
        return "pricing";
    }
}
