package com.marketopportunities.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}: both binaries
 * are given to Selenium by path, so Selenium Manager never looks for (or downloads) a browser or a
 * driver. {@code -Dbrowser.chromium=PATH} and {@code -Dbrowser.chromedriver=PATH} point elsewhere.
 *
 * <p>Runs as root (hence {@code --no-sandbox}) on a machine whose network is closed (hence the
 * flags that keep Chromium from calling home), with a fresh profile per instance.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    static final String NOT_INSTALLED = "Chromium/chromedriver not installed: browser tests skipped "
            + "(bash .ci/run installs them); looked for " + CHROMIUM + " and " + CHROMEDRIVER;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test, with {@link #NOT_INSTALLED} as the reason, when either binary is missing. */
    static void assumeInstalled() {
        assumeTrue(installed(), NOT_INSTALLED);
    }

    /** A browser with a 1366x900 window whose screenshots go to {@code screenshots}. */
    HeadlessChromium(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900",
                // numbers and dates formatted alike on every machine
                "--lang=en-US",
                // no chart animation or smooth scrolling half-way through a screenshot
                "--force-prefers-reduced-motion");
        // the console, to see any content-security-policy violation
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    /** What the pages wrote to the console since the last call (violations of the security policy among them). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves what the viewport shows as {@code name}. */
    Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves one element, beyond the viewport however tall it is, as {@code name}. */
    Path screenshot(String name, WebElement element) {
        Map<?, ?> box = (Map<?, ?>) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};",
                element);
        return capture(name, box);
    }

    private Path capture(String name, Map<?, ?> box) {
        Map<String, Object> clip = Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
                "height", box.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Saves the whole page, beyond the viewport, as {@code name}. */
    Path fullPageScreenshot(String name) {
        Map<?, ?> size = (Map<?, ?>) driver.executeScript("const e = document.documentElement;"
                + " return {x: 0, y: 0, width: e.scrollWidth, height: e.scrollHeight};");
        return capture(name, size);
    }

    /** Lays pages out as a phone of {@code width} x {@code height} CSS pixels would, until {@link #desktop()}. */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Back to the 1366x900 window. */
    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private Path save(String name, byte[] png) {
        try {
            return Files.write(screenshots.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
