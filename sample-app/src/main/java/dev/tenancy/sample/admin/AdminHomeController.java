package dev.tenancy.sample.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin site's entry: the sign-in page, the start page of each site, and the page refusing other users. */
@Controller
class AdminHomeController {

    /** Sends each administrator to their site's first page, and other users to the page saying they cannot. */
    @GetMapping({"/admin", "/admin/"})
    String home(HttpServletRequest request, Authentication user, HttpServletResponse response) {
        AdminSite site = AdminSite.of(request);
        if (site == AdminSite.PLATFORM && hasRole(user, "SUPER_SUPER_ADMIN")) {
            return "redirect:/admin/tenants";
        }
        if (site == AdminSite.TENANT && hasRole(user, "TENANT_SUPER_ADMIN")) {
            return "redirect:/admin/users";
        }
        return noRights(response);
    }

    @GetMapping(AdminSecurityConfiguration.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
            HttpServletRequest request, Model model) {
        if (error != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", failure instanceof DisabledException ? "This account is deactivated."
                    : "Unknown username or wrong password for this site. Administrators sign in on the host of the "
                            + "site they manage.");
        }
        model.addAttribute("notice", signedOut != null ? "You are signed out." : null);
        return "admin/login";
    }

    /** Where Spring Security sends a signed-in user it refused: no admin rights, or an expired form. */
    @RequestMapping("/admin/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("message", "This form has expired (or was sent from another page). Reload the page "
                    + "and try again.");
            return "admin/problem";
        }
        return noRights(response);
    }

    private static String noRights(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "admin/denied";
    }

    private static boolean hasRole(Authentication user, String role) {
        return user != null && user.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + role).equals(authority.getAuthority()));
    }
}
