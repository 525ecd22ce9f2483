package dev.tenancy.sample.security;

import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.sample.web.ApiError;
import dev.tenancy.sample.web.RequestRefusedException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/login}: signs an API client in once, with its user name and password as JSON, on the host it
 * calls; later requests send the session cookie instead of HTTP Basic credentials, so the password is checked (a
 * BCrypt hash, ~80 ms of CPU by design) once per session, not once per request.
 *
 * <p>The session is the one the login form makes: kept in the application's {@link SecurityContextRepository}, which
 * binds it to the tenant (or the platform) it was made on, so the same cookie is not signed in on another host. The
 * session id changes at sign-in (no fixation), and the answer carries a fresh CSRF token that requests changing
 * something must send in an {@code X-CSRF-TOKEN} header.
 */
@RestController
class ApiLoginController {

    private final AuthenticationManager authentication;
    private final SecurityContextRepository securityContexts;
    private final CsrfAuthenticationStrategy csrfTokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ApiLoginController(AccountDetailsService accounts, PasswordEncoder passwords,
            SecurityContextRepository securityContexts, CsrfTokenRepository csrfTokens) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        this.authentication = new ProviderManager(provider);
        this.securityContexts = securityContexts;
        this.csrfTokens = new CsrfAuthenticationStrategy(csrfTokens);
    }

    /**
     * The credentials to sign in with.
     *
     * @param username the user name (a tenant super admin's is their e-mail address)
     * @param password the password
     */
    record Credentials(String username, String password) {
    }

    /**
     * A successful sign-in.
     *
     * @param status {@code signed_in}
     * @param username who is signed in
     * @param role super_super_admin, tenant_super_admin or user
     * @param site the host the session is valid on
     * @param csrfToken the token to send in {@code X-CSRF-TOKEN} with requests that change something
     */
    record SignedIn(String status, String username, String role, String site, String csrfToken) {
    }

    @PostMapping("/api/login")
    ResponseEntity<?> login(@RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) {
        if (credentials == null || isBlank(credentials.username()) || isBlank(credentials.password())) {
            throw RequestRefusedException.invalid("username and password are required.");
        }
        Authentication signedIn;
        try {
            signedIn = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
        } catch (AuthenticationException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError(JsonSecurityErrors
                    .unauthorized(e)));
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        securityContexts.saveContext(context, request, response);
        csrfTokens.onAuthentication(signedIn, request, response);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        AccountPrincipal principal = (AccountPrincipal) signedIn.getPrincipal();
        return ResponseEntity.ok(new SignedIn("signed_in", principal.getUsername(), principal.role().value(),
                TenantDirectory.normaliseHost(request.getServerName()), csrf.getToken()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
