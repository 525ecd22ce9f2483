package dev.tenancy.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes Tenancy's refusals: an HTML page ({@link RefusalPage}) to clients that ask for {@code text/html} (browsers),
 * else a small JSON body, {@code {"error":"..."}}, with {@code Vary: Accept}. The messages are fixed texts: never a
 * schema name, a stack trace or SQL. Public so that Tenancy's other filters (e.g. the rate limit's) answer browsers
 * the same way; headers set on the response before {@link #write} (such as {@code Retry-After}) are kept.
 */
public final class ErrorResponses {

    private final RefusalPage page;

    /** Refusals whose HTML pages {@code page} renders. */
    public ErrorResponses(RefusalPage page) {
        this.page = Objects.requireNonNull(page, "page");
    }

    /** Answers {@code request} with {@code status} and {@code message} (a fixed sentence), and commits the response. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsHtml(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page.render(status, message));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\"}");
        }
        response.flushBuffer();
    }

    /** Whether the client names {@code text/html} (with a quality above 0) in its {@code Accept} header. */
    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html")
                    && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
