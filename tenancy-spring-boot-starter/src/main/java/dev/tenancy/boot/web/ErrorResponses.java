package dev.tenancy.boot.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes Tenancy's refusals as a small JSON body, {@code {"error":"..."}}. The messages are fixed texts: never a
 * schema name, a stack trace or SQL.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        response.flushBuffer();
    }
}
