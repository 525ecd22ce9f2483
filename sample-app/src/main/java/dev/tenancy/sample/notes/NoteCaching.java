package dev.tenancy.sample.notes;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction, for the notes' summaries: Spring Boot's simple in-memory cache, whose keys Tenancy's
 * starter gives the current tenant, so one tenant's summary is never another's.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class NoteCaching {
}
