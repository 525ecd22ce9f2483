package dev.tenancy.boot.web;

/**
 * The HTML page a browser gets when {@link TenantFilter} refuses its request (400, 403, 404 or 503); clients that do
 * not ask for {@code text/html} get {@code {"error":"..."}}. Define a bean of this type to render your own page; the
 * page must not reveal more than {@code message} does (no schema names, no stack traces).
 *
 * <p>Without such a bean, {@link #standard()} serves the application's static error pages by Spring Boot's
 * convention ({@code error/404.html}, then {@code error/4xx.html}, in {@code static/}, {@code public/},
 * {@code resources/} or {@code META-INF/resources/} on the classpath), or else a plain page of Tenancy's own.
 */
@FunctionalInterface
public interface RefusalPage {

    /**
     * The complete HTML document for a refusal with HTTP {@code status} and {@code message}, a fixed sentence for
     * people (plain text: escape it before putting it in HTML).
     */
    String render(int status, String message);

    /** The application's static {@code error/<status>.html} page if it has one, else a plain page of Tenancy's. */
    static RefusalPage standard() {
        return new ConventionalRefusalPage();
    }
}
