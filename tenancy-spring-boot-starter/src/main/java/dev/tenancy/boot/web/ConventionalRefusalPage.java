package dev.tenancy.boot.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RefusalPage#standard()}: the first of {@code error/<status>.html} and {@code error/<series>xx.html} found in
 * Spring Boot's static locations, read once per status; else a plain page with the escaped message.
 */
final class ConventionalRefusalPage implements RefusalPage {

    private static final List<String> STATIC_LOCATIONS = List.of("META-INF/resources/", "resources/", "static/",
            "public/");

    private final Map<Integer, Optional<String>> staticPages = new ConcurrentHashMap<>();

    @Override
    public String render(int status, String message) {
        return staticPages.computeIfAbsent(status, ConventionalRefusalPage::staticPage)
                .orElseGet(() -> plainPage(status, message));
    }

    private static Optional<String> staticPage(int status) {
        for (String name : List.of("error/" + status + ".html", "error/" + status / 100 + "xx.html")) {
            for (String location : STATIC_LOCATIONS) {
                ClassPathResource page = new ClassPathResource(location + name);
                if (page.exists()) {
                    return Optional.of(read(page));
                }
            }
        }
        return Optional.empty();
    }

    private static String read(ClassPathResource page) {
        try (InputStream in = page.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the error page " + page.getPath(), e);
        }
    }

    private static String plainPage(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = HtmlUtils.htmlEscape(status + (known == null ? "" : " " + known.getReasonPhrase()));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<p>" + HtmlUtils.htmlEscape(message)
                + "</p>\n</body>\n</html>\n";
    }
}
