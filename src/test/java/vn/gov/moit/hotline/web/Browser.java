package vn.gov.moit.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for tests that use the pages as a person would. The Debian
 * {@code chromium} and {@code chromium-driver} binaries are given explicitly, so Selenium never tries to
 * download a browser; each browser gets a fresh profile, removed on close.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("hotline.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("hotline.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String base;
    private final Path profile;
    private final ChromeDriverService service;
    public final ChromeDriver driver;

    public Browser(URL base) {
        requireBrowser();
        this.base = base.toString().replaceAll("/$", "");
        try {
            profile = Files.createTempDirectory("hotline-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                profile.resolve("downloads").toString(), "download.prompt_for_download", false));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--lang=vi", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /**
     * Skips the calling test, with one line naming the install command, when Chromium or its driver is
     * missing; on CI ({@code CI=true}) a missing browser fails the run instead, so it can never pass unseen.
     */
    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " not found; install them with: sudo apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing.replace("skipped", "cannot run on CI"));
        }
        System.err.println(missing);
        Assumptions.abort(missing);
    }

    public void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Logs in through the login form. */
    void logIn(String username, String password) {
        open("/login");
        type(By.id("j_username"), username);
        type(By.id("j_password"), password);
        click(By.id("login-submit"));
        waitFor(By.id("logout"));
    }

    void logOut() {
        click(By.id("logout"));
        waitFor(By.id("logged-out"));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForValue(By by, String value) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(by, "value", value));
    }

    /**
     * Runs one action on the element once it is visible, again when the page re-rendered it in between (a
     * panel refreshed by the live feed replaces its elements).
     */
    private <T> T onElement(By by, Function<WebElement, T> action) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> action.apply(waitFor(by)));
    }

    public String text(By by) {
        return onElement(by, WebElement::getText);
    }

    /** What an input, a select or a text area holds now. */
    String value(By by) {
        return onElement(by, e -> e.getDomProperty("value"));
    }

    void type(By by, String text) {
        onElement(by, e -> {
            e.clear();
            e.sendKeys(text);
            return true;
        });
    }

    void select(By by, String value) {
        onElement(by, e -> {
            new Select(e).selectByValue(value);
            return true;
        });
    }

    String selected(By by) {
        return onElement(by, e -> new Select(e).getFirstSelectedOption().getDomAttribute("value"));
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    public void narrow() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    public void wide() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Runs the steps; when one fails, the page is saved as failure.png and its address is added to the error. */
    void onFailure(Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot("failure");
            try {
                Files.writeString(SCREENSHOTS.resolve("failure.html"), driver.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // The screenshot is enough.
            }
            e.addSuppressed(new IllegalStateException("at " + driver.getCurrentUrl()));
            throw e;
        }
    }

    /**
     * Checks the page as it is now with Deque's axe-core rules (WCAG 2.1 A and AA) and fails on any serious or
     * critical violation, naming each rule and the elements it found.
     */
    public void assertAccessible(String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        if (!serious.isEmpty()) {
            screenshot("axe-" + what);
        }
        assertThat(serious).as("axe-core on " + what).isEmpty();
    }

    /** A file the browser downloaded (waits for it to be complete). */
    public Path downloaded(String name) {
        Path file = profile.resolve("downloads").resolve(name);
        new WebDriverWait(driver, WAIT).until(d -> Files.isRegularFile(file)
                && !Files.exists(profile.resolve("downloads").resolve(name + ".crdownload")));
        return file;
    }

    /** Saves what the window shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            driver.executeScript("window.scrollTo(0, 0)");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
