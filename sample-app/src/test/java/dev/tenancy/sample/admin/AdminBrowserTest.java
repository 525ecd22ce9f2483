package dev.tenancy.sample.admin;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.Names;
import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.SampleFixture;
import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.test.TenantClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;

/**
 * The admin site in a real browser (headless Chromium), on the sample's shared test context: the super super admin
 * signs in, searches and filters tenants, creates one (and is shown why another is refused), deactivates one and
 * manages domains; a tenant super admin creates a user on their tenant's host; and the refusals: another tenant's
 * admin, a regular user, the super super admin on a tenant host. Screenshots of the main pages are written to
 * {@code target/admin-screenshots}. One browser serves every test; each test is skipped with a message when Chromium
 * or chromedriver is not installed.
 */
@SampleAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {

    @Autowired
    SampleFixture fixture;

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        Browser.assumeInstalled();
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterEach
    void signOutEverywhere() {
        if (browser != null) {
            browser.forgetSessions();
        }
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser asRoot() {
        Credentials root = fixture.root();
        return browser.signIn("localhost", root.username(), root.password());
    }

    @Test
    void theSuperSuperAdminSearchesFiltersAndCreatesTenants() {
        asRoot();
        assertThat(browser.title()).startsWith("Tenants");
        assertThat(browser.text("#tenants")).contains("Acme Anvils", "tenant_acme", "Globex Corporation");
        browser.screenshot("tenants");

        browser.type("q", "anvils").click("Filter");
        assertThat(browser.text("#tenants")).contains("Acme Anvils").doesNotContain("Globex");
        new Select(browser.field("active")).selectByVisibleText("No");
        browser.click("Filter");
        assertThat(browser.text("#tenants")).contains("No tenant matches.");
        browser.click("Clear");
        browser.click("Name");
        String byName = browser.text("#tenants");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/tenants?sort=name&dir=asc");
        assertThat(byName.indexOf("Acme Anvils")).isLessThan(byName.indexOf("Globex Corporation"));

        browser.click("Add tenant");
        browser.type("companyName", "Acme Again").type("subdomain", "acme").type("adminEmail", "x@acme.example.com")
                .type("adminPassword", "pw").click("Create tenant");
        assertThat(browser.text("#subdomain-error")).isEqualTo("The subdomain 'acme' is taken. Choose another.");
        assertThat(browser.field("companyName").getAttribute("value")).isEqualTo("Acme Again");
        browser.screenshot("tenant-refused");

        String subdomain = Names.subdomain("browser");
        browser.type("companyName", "Browser & Sons").type("subdomain", subdomain)
                .type("adminEmail", "boss@" + subdomain + ".example.com").type("adminPassword", "boss-password");
        new Select(browser.field("subscriptionPlan")).selectByVisibleText("enterprise");
        browser.click("Create tenant");
        assertThat(browser.text(".notice")).contains("Tenant created: " + subdomain + ".localhost");
        assertThat(browser.text("h1")).isEqualTo("Browser & Sons");
        assertThat(browser.field("subscriptionPlan").getAttribute("value")).isEqualTo("enterprise");
    }

    @Test
    void theSuperSuperAdminDeactivatesATenantAndManagesItsDomains() {
        asRoot().click("Acme Anvils");
        browser.screenshot("tenant");
        browser.click("Deactivate tenant");
        assertThat(browser.text("#active")).isEqualTo("No");
        browser.open("acme.localhost", "/admin/login");
        assertThat(browser.text()).contains("not active");

        browser.open("localhost", "/admin/tenants?q=acme").click("Acme Anvils").click("Activate tenant");
        assertThat(browser.text("#active")).isEqualTo("Yes");
        String shop = Names.subdomain("shop") + ".localhost";
        browser.type("newDomain", shop).click("Add domain");
        assertThat(browser.text("#tenant-domains")).contains(shop);
        browser.press(By.cssSelector("button[aria-label='Make " + shop + " primary']"));
        browser.waitFor(By.cssSelector("button[aria-label='Make acme.localhost primary']"));

        browser.click("Domains");
        browser.type("q", "acme");
        new Select(browser.field("primary")).selectByVisibleText("Yes");
        browser.click("Filter");
        assertThat(browser.text("#domains")).contains(shop).doesNotContain("globex");
        browser.screenshot("domains");
        browser.open("localhost", "/admin/domains?q=" + shop);
        browser.press(By.cssSelector("button[aria-label='Remove " + shop + "']"));
        assertThat(browser.text(".notice")).contains("Domain removed: " + shop);

        browser.click("Audit log");
        browser.type("tenant", SampleAppTest.ACME).click("Filter");
        assertThat(browser.text("#audit")).contains("REMOVE_DOMAIN", "ADD_DOMAIN");
        browser.screenshot("audit");
    }

    @Test
    void aTenantSuperAdminCreatesAUserOnTheTenantsHost(TenantClient acme) {
        Credentials admin = admin(acme);
        browser.signIn("acme.localhost", admin.username(), admin.password());
        assertThat(browser.text("#user-limit")).isEqualTo("2 of 50 users (this site's limit).");
        assertThat(browser.text()).doesNotContain("tenant_acme", "Globex");

        String username = Names.username("jane");
        browser.type("username", username).type("email", "jane@example.com").type("password", "jane-password")
                .type("firstName", "Jane").type("lastName", "Doe").click("Create user");
        assertThat(browser.text(".notice")).isEqualTo("User created: " + username + ".");
        assertThat(browser.text("#users")).contains(username, "Jane Doe");
        assertThat(browser.text("#user-limit")).startsWith("3 of 50");
        browser.screenshot("users");

        browser.press(By.cssSelector("button[aria-label='Deactivate " + username + "']"));
        assertThat(browser.text(".notice")).contains("User deactivated: " + username);
    }

    @Test
    void signInsThatMustFailAreRefusedWithAMessage(TenantClient acme) {
        Credentials acmeAdmin = admin(acme);
        browser.signIn("globex.localhost", acmeAdmin.username(), acmeAdmin.password());
        assertThat(browser.text("#login-error")).startsWith("Unknown username or wrong password for this site.");
        browser.screenshot("sign-in-refused");

        Credentials root = fixture.root();
        browser.signIn("acme.localhost", root.username(), root.password());
        assertThat(browser.text("#login-error")).startsWith("Unknown username or wrong password for this site.");

        Credentials regular = user(acme);
        browser.signIn("acme.localhost", regular.username(), regular.password());
        assertThat(browser.text("h1")).isEqualTo("No admin rights");
        assertThat(browser.text("#no-rights")).contains(regular.username());
        browser.screenshot("no-admin-rights");
    }
}
