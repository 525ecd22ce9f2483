package dev.tenancy.benchmarks.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The application behind the HTTP benchmarks: one endpoint, {@code GET /items/{id}}, reading one entity by id through
 * Spring Data JPA and answering JSON, and nothing else that touches data. The harness starts it as a child JVM, with
 * Tenancy on (every request in the tenant of its host) or off ({@code --tenancy.enabled=false}: the same table in
 * {@code public}), and reads the line {@value #READY} it prints once it serves requests, with the port it listens on
 * (the harness starts it on port 0: the system chooses a free one).
 */
@SpringBootApplication
public class BenchmarkApplication {

    /** The first word of the line printed once the application serves requests. */
    public static final String READY = "BENCHMARK-APP-READY";

    public static void main(String[] args) {
        SpringApplication.run(BenchmarkApplication.class, args);
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        System.out.printf(Locale.ROOT, "%s startup_ms=%d jvm_uptime_ms=%d port=%d%n", READY,
                ready.getTimeTaken().toMillis(), ManagementFactory.getRuntimeMXBean().getUptime(), port);
        System.out.flush();
    }
}
