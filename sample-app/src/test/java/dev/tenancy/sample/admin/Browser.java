package dev.tenancy.sample.admin;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * Headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and {@code chromium-driver}
 * packages; {@code CHROME_BINARY} and {@code CHROMEDRIVER} name others). Selenium Manager never runs: the driver
 * service is given the chromedriver's path. Without them the calling tests are skipped with a message.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get("target", "admin-screenshots");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final int port;

    private Browser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    /** Skips the calling test, saying why, when Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        Path chromium = chromium();
        Path chromedriver = chromedriver();
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                () -> "Browser test skipped: no Chromium at " + chromium + " or no chromedriver at " + chromedriver
                        + ". Install Debian's chromium and chromium-driver packages (or set CHROME_BINARY and "
                        + "CHROMEDRIVER) to run it.");
    }

    /** Starts Chromium for the application on {@code port}. */
    static Browser start(int port) throws IOException {
        Path chromium = chromium();
        Path chromedriver = chromedriver();
        Path profile = Files.createTempDirectory("admin-browser-test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 860));
        return new Browser(driver, profile, port);
    }

    private static Path chromium() {
        return Paths.get(setting("CHROME_BINARY", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Paths.get(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Opens {@code path} on {@code host}, e.g. {@code open("acme.localhost", "/admin/")}. */
    Browser open(String host, String path) {
        driver.get("http://" + host + ":" + port + path);
        return this;
    }

    /** Forgets every session, on every host. */
    void forgetSessions() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Signs in with the form of the current host's sign-in page, typing as a user would and pressing Enter. */
    Browser signIn(String host, String username, String password) {
        open(host, "/admin/login");
        field("username").sendKeys(username);
        field("password").sendKeys(password + "\n");
        waitFor(By.cssSelector("main"));
        return this;
    }

    /** The input with the id (or, failing that, the name) {@code name}. */
    WebElement field(String name) {
        return waitFor(By.cssSelector("#" + name + ", [name='" + name + "']"));
    }

    /** Replaces the value of the field {@code name}. */
    Browser type(String name, String value) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks the button or link whose text is {@code text}, and waits for the page it leads to. */
    Browser click(String text) {
        return press(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
    }

    /** Clicks the element {@code by} finds, and waits for the page it leads to. */
    Browser press(By by) {
        WebElement target = waitFor(by);
        target.click();
        new WebDriverWait(driver, PATIENCE).until(page -> replaced(target)
                && "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** Whether {@code element}'s page has been replaced: the element is stale, or its node left the document. */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (leftTheDocument(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Chrome's answer, instead of a stale element, for an element whose page is being replaced. */
    private static boolean leftTheDocument(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    WebElement waitFor(By by) {
        return visible(by, element -> element);
    }

    /** The visible text of the page's main content. */
    String text() {
        return visible(By.tagName("body"), WebElement::getText);
    }

    /** The visible text of the element {@code css}. */
    String text(String css) {
        return visible(By.cssSelector(css), WebElement::getText);
    }

    /**
     * Waits until {@code by} finds a visible element, and reads {@code what} of it. A page that is still being
     * replaced (after a form's post and redirect) can take the element away between finding it and reading it:
     * Chrome then reports a stale element, or a node that "does not belong to the document"; both mean "look again".
     */
    private <T> T visible(By by, Function<WebElement, T> what) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(page -> {
            try {
                WebElement element = ExpectedConditions.visibilityOfElementLocated(by).apply(page);
                return element == null ? null : what.apply(element);
            } catch (WebDriverException e) {
                if (leftTheDocument(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    String title() {
        return driver.getTitle();
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves the window as {@code target/admin-screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
