package dev.tenancy.sample.security;

import dev.tenancy.sample.web.ApiError;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's refusals as {@code {"error": "..."}}: 401 when the caller is not signed in to this host (no
 * credentials, wrong ones, or those of another tenant), 403 when a signed-in user may not do what they asked.
 *
 * <p>Browsers asking for a page are sent to the sign-in form instead, and are never sent the HTTP Basic challenge:
 * a browser that cached Basic credentials would attach them to other sites' forms too, and Basic requests are
 * exempt from CSRF tokens.
 */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String LOGIN_PAGE = "/login";

    private final JsonMapper json;

    JsonSecurityErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tenancy sample\", charset=\"UTF-8\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, unauthorized(exception));
    }

    /** Why a sign-in with {@code exception} failed, as the caller is told. */
    static String unauthorized(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return "Unknown username or wrong password for this site. Users sign in on their own tenant's host.";
        }
        if (exception instanceof DisabledException) {
            return "This account is disabled.";
        }
        return "Sign in first: send your username and password with HTTP Basic, or sign in at " + LOGIN_PAGE + ".";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String message = exception instanceof CsrfException
                ? "This request needs the session's CSRF token (header X-CSRF-TOKEN), or HTTP Basic credentials."
                : ApiAccessRules.refusal(request);
        write(response, HttpServletResponse.SC_FORBIDDEN, message);
    }

    private void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError(message));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return HttpMethod.GET.matches(request.getMethod()) && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
