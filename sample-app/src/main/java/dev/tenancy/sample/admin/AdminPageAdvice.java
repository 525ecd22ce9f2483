package dev.tenancy.sample.admin;

import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.sample.tenants.TenantCatalog;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every admin page shows (which site, who is signed in) and how its failures are shown: as a page with a
 * clear message and the right status, never the API's JSON, a stack trace or SQL.
 */
@ControllerAdvice(basePackageClasses = AdminPageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPageAdvice {

    private static final Log log = LogFactory.getLog(AdminPageAdvice.class);

    private final TenantCatalog catalog;

    AdminPageAdvice(TenantCatalog catalog) {
        this.catalog = catalog;
    }

    @ModelAttribute
    void site(HttpServletRequest request, Model model) {
        AdminSite site = AdminSite.of(request);
        model.addAttribute("platform", site == AdminSite.PLATFORM);
        model.addAttribute("siteName", TenantFilter.tenantOf(request)
                .map(tenant -> catalog.get(tenant.id()).name()).orElse("Platform"));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        model.addAttribute("currentUser", signedIn ? authentication.getName() : null);
    }

    @ExceptionHandler
    String refused(RequestRefusedException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        site(request, model);
        response.setStatus(e.reason().status().value());
        model.addAttribute("message", e.getMessage());
        return "admin/problem";
    }

    @ExceptionHandler
    String mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        site(request, model);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", "'" + e.getName() + "' has an invalid value.");
        return "admin/problem";
    }

    @ExceptionHandler
    String other(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        site(request, model);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        if (e instanceof ErrorResponse error) {
            status = error.getStatusCode().value();
        } else {
            log.error("Admin page failed", e);
        }
        response.setStatus(status);
        model.addAttribute("message", switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> "This page does not exist.";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "This page cannot be used that way; use its links "
                    + "and forms.";
            default -> status < 500 ? "This request was not understood; use the page's links and forms."
                    : "Something went wrong on our side. Try again in a moment.";
        });
        return "admin/problem";
    }
}
