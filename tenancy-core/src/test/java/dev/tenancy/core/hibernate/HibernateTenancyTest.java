package dev.tenancy.core.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.CacheSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ExtendWith(TestDatabaseExtension.class)
class HibernateTenancyTest {

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SessionFactory sessions;
    private static final SchemaName ACME = SchemaName.of("tenant_acme");
    private static final SchemaName GLOBEX = SchemaName.of("tenant_globex");

    @BeforeAll
    static void bootHibernate(TestDatabase database) {
        fixture = new TenantFixture(database, 3);
        fixture.createTenant(ACME.value());
        fixture.createTenant(GLOBEX.value());
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
        sessions = sessionFactory(Map.of());
    }

    @AfterAll
    static void close() {
        sessions.close();
        fixture.close();
    }

    private static SessionFactory sessionFactory(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(HibernateTenancy.settings(dataSource));
        settings.putAll(extra);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            return new MetadataSources(registry).addAnnotatedClass(Note.class).addAnnotatedClass(Tenant.class)
                    .addAnnotatedClass(Domain.class).buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static List<String> bodies() {
        try (Session session = sessions.openSession()) {
            return session.createSelectionQuery("select n.body from Note n order by n.id", String.class).list();
        }
    }

    @Test
    void entitiesSavedForATenantAreSeenOnlyByThatTenant() {
        Tenants.run(ACME, () -> sessions.inTransaction(session -> session.persist(new Note("tenant_acme", "a1"))));
        Tenants.run(GLOBEX, () -> sessions.inTransaction(session -> session.persist(new Note("tenant_globex", "g1"))));

        assertThat(Tenants.call(ACME, HibernateTenancyTest::bodies)).containsExactly("a1");
        assertThat(Tenants.call(GLOBEX, HibernateTenancyTest::bodies)).containsExactly("g1");
    }

    @Test
    void anExplicitTenantIdentifierPinsTheSessionWhateverTheContext() {
        Tenants.run(ACME, () -> {
            try (Session session = sessions.withOptions().tenantIdentifier(GLOBEX.value()).openSession()) {
                List<String> tenants = session.createSelectionQuery("select n.tenant from Note n", String.class).list();
                assertThat(tenants).isNotEmpty().containsOnly("tenant_globex");
            }
        });
    }

    @Test
    void aSessionOutsideAnyTenantSeesOnlyPublic() {
        try (Session session = sessions.openSession()) {
            assertThat(session.getTenantIdentifierValue()).isEqualTo(TenantIdentifierResolver.PUBLIC);
            assertThat(session.createSelectionQuery("select t.schemaName from Tenant t", String.class).list())
                    .contains("tenant_acme", "tenant_globex");
            assertThatThrownBy(() -> session.createSelectionQuery("from Note", Note.class).list())
                    .hasMessageContaining("notes");
        }
    }

    @Test
    void theMixinsMapTheTenantAndDomainTables() {
        fixture.sql("INSERT INTO public.tenants (schema_name, name) VALUES ('tenant_mapped', 'Mapped Ltd')");
        sessions.inTransaction(session -> {
            Tenant tenant = session.createSelectionQuery("from Tenant t where t.schemaName = 'tenant_mapped'",
                    Tenant.class).getSingleResult();
            Domain domain = new Domain();
            domain.setDomain("Mapped.Localhost:8000");
            domain.setTenant(tenant);
            domain.setPrimary(true);
            session.persist(domain);
        });
        try (Session session = sessions.openSession()) {
            Domain domain = session.createSelectionQuery("from Domain d join fetch d.tenant where d.domain = :d",
                    Domain.class).setParameter("d", "mapped.localhost").getSingleResult();
            assertThat(domain.getTenant().getSchema()).isEqualTo(SchemaName.of("tenant_mapped"));
            assertThat(domain.getTenant().getStatus()).isEqualTo(TenantStatus.PROVISIONING);
            assertThat(domain.getTenant().isAutoCreateSchema()).isTrue();
            assertThat(domain.getTenant().isAutoDropSchema()).isFalse();
            assertThat(domain.isPrimary()).isTrue();
        }
    }

    @Test
    void theMixinsValidateWhatTheyAreGiven() {
        assertThatThrownBy(() -> new Tenant().setSchemaName("Bad Name"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Domain().setDomain("bad host")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theQueryCacheKeepsEachTenantsResultsApart() {
        Tenants.run(ACME, () -> sessions.inTransaction(session -> session.persist(new Note("tenant_acme", "cached"))));
        Map<String, Object> caching = Map.of(
                CacheSettings.USE_SECOND_LEVEL_CACHE, "true",
                CacheSettings.USE_QUERY_CACHE, "true",
                CacheSettings.CACHE_REGION_FACTORY, "jcache",
                "hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider",
                "hibernate.javax.cache.missing_cache_strategy", "create",
                "hibernate.generate_statistics", "true");
        try (SessionFactory cached = sessionFactory(caching)) {
            List<String> acmeFirst = Tenants.call(ACME, () -> cachedTenants(cached));
            List<String> globex = Tenants.call(GLOBEX, () -> cachedTenants(cached));
            List<String> acmeAgain = Tenants.call(ACME, () -> cachedTenants(cached));

            assertThat(acmeFirst).isNotEmpty().containsOnly("tenant_acme");
            assertThat(globex).isNotEmpty().containsOnly("tenant_globex");
            assertThat(acmeAgain).isEqualTo(acmeFirst);
            assertThat(cached.getStatistics().getQueryCacheHitCount()).as("the cache is really used").isEqualTo(1);
        }
    }

    private static List<String> cachedTenants(SessionFactory factory) {
        try (Session session = factory.openSession()) {
            return session.createSelectionQuery("select n.tenant from Note n", String.class).setCacheable(true).list();
        }
    }

    @Test
    void cacheKeysWithoutTheTenantAreRefused() {
        assertThatThrownBy(() -> sessionFactory(Map.of(CacheSettings.CACHE_KEYS_FACTORY, "simple")))
                .isInstanceOf(TenancyException.class).hasMessageContaining("another's cached entities");
    }

    @Test
    void invalidTenantIdentifiersNeverReachSql() {
        assertThatThrownBy(() -> sessions.withOptions().tenantIdentifier("x\"; drop schema public;--").openSession()
                .createSelectionQuery("from Note", Note.class).list())
                .isInstanceOf(InvalidInputException.class);
    }
}
