package dev.tenancy.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.testapp.Note;
import dev.tenancy.boot.testapp.NoteRepository;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantSwitchRefusedException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import javax.sql.DataSource;

/**
 * Switching tenant while a transaction is bound to the thread is refused, with JPA's transaction manager and with a
 * {@link DataSourceTransactionManager}; asked for explicitly, the other tenant's work runs in a new transaction of
 * its own. The provisioner's set-up steps run in the new tenant's own transaction even inside a caller's.
 */
@TestAppTest
class TenantSwitchInTransactionTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");
    private static final String MADE = "tenant_made_in_tx";

    @Autowired
    PlatformTransactionManager jpaTransactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    NoteRepository notes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner provisioner;

    @AfterEach
    void removeTheTenantMade() {
        jdbc.update("DELETE FROM public.tenants WHERE schema_name = ?", MADE);
        jdbc.execute("DROP SCHEMA IF EXISTS " + MADE + " CASCADE");
        jdbc.update("DELETE FROM tenant_alpha.notes WHERE body <> 'alpha note'");
    }

    private List<String> jpaNotes() {
        return notes.findAll().stream().map(Note::getBody).toList();
    }

    private List<String> jdbcNotes() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }

    private static TransactionTemplate requiresNew(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    @Test
    void switchingTenantInsideAJpaTransactionIsRefused() {
        TransactionTemplate transaction = new TransactionTemplate(jpaTransactions);
        Tenants.run(ALPHA, () -> transaction.executeWithoutResult(status -> {
            assertThat(jpaNotes()).containsExactly("alpha note");
            assertThatThrownBy(() -> Tenants.call(BETA, this::jpaNotes))
                    .isInstanceOf(TenantSwitchRefusedException.class)
                    .hasMessageContaining("from tenant 'tenant_alpha' to tenant 'tenant_beta'")
                    .hasMessageContaining("REQUIRES_NEW");
            assertThatThrownBy(() -> Tenants.callInPublic(this::jdbcNotes))
                    .isInstanceOf(TenantSwitchRefusedException.class);
            assertThat(Tenants.call(ALPHA, this::jpaNotes)).as("staying in the tenant").containsExactly("alpha note");
        }));
    }

    @Test
    void switchingTenantInsideADataSourceTransactionIsRefused() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Tenants.run(ALPHA, () -> transaction.executeWithoutResult(status -> {
            assertThat(jdbcNotes()).containsExactly("alpha note");
            assertThatThrownBy(() -> Tenants.call(BETA, this::jdbcNotes))
                    .isInstanceOf(TenantSwitchRefusedException.class)
                    .hasMessageContaining("from tenant 'tenant_alpha' to tenant 'tenant_beta'");
        }));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> Tenants.run(BETA, this::jdbcNotes)))
                .as("from public into a tenant").isInstanceOf(TenantSwitchRefusedException.class);
    }

    @Test
    void askedForExplicitlyTheOtherTenantsWorkRunsInANewTransactionOfItsOwn() {
        TransactionTemplate jpa = new TransactionTemplate(jpaTransactions);
        Tenants.run(ALPHA, () -> jpa.executeWithoutResult(status -> {
            assertThat(jpaNotes()).containsExactly("alpha note");
            List<String> betaNotes = Tenants.callForNewTransaction(BETA,
                    () -> requiresNew(jpaTransactions).execute(s -> jpaNotes()));
            assertThat(betaNotes).containsExactly("beta note");
            assertThat(jpaNotes()).containsExactly("alpha note");
        }));
        DataSourceTransactionManager jdbcTransactions = new DataSourceTransactionManager(dataSource);
        Tenants.run(ALPHA, () -> new TransactionTemplate(jdbcTransactions).executeWithoutResult(status -> {
            List<String> betaNotes = Tenants.callForNewTransaction(BETA,
                    () -> requiresNew(jdbcTransactions).execute(s -> jdbcNotes()));
            assertThat(betaNotes).containsExactly("beta note");
            assertThat(jdbcNotes()).containsExactly("alpha note");
        }));
    }

    @Test
    void setUpStepsRunInTheNewTenantsOwnTransactionWhenCreateIsCalledInsideTheCallersTransaction() {
        TransactionTemplate callers = new TransactionTemplate(jpaTransactions);
        Tenants.run(ALPHA, () -> callers.executeWithoutResult(status -> {
            assertThat(jpaNotes()).containsExactly("alpha note");
            provisioner.create(TenantRequest.schema(MADE).value("name", "Made in a transaction")
                    .setUp(tenant -> jdbc.update("INSERT INTO notes (body) VALUES ('set up')"))
                    .setUp(tenant -> assertThat(jpaNotes()).contains("set up")));
            status.setRollbackOnly();
        }));

        assertThat(jdbc.queryForList("SELECT body FROM " + MADE + ".notes ORDER BY id", String.class))
                .containsExactly("welcome to " + MADE, "set up");
        assertThat(jdbc.queryForList("SELECT body FROM tenant_alpha.notes ORDER BY id", String.class))
                .containsExactly("alpha note");
        assertThat(jdbc.queryForObject("SELECT status FROM public.tenants WHERE schema_name = ?", String.class, MADE))
                .as("the caller's rollback does not undo the creation").isEqualTo("ACTIVE");
    }
}
