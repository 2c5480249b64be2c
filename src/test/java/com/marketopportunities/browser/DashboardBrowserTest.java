package com.marketopportunities.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium (Debian's, see {@link HeadlessChromium}) against the
 * service started in this JVM ({@link DashboardService}): load {@code examples/tech-heavy.csv}, scan
 * it as of 2022-12-05, read the gaps, sort the opportunities, switch the horizon, look at the impact
 * and the cache panel, get a plain-words error, use the keyboard alone, fit a phone. What the page
 * shows is held against what the API answers for the same file.
 *
 * <p>Screenshots go to {@code target/browser-screenshots/}: {@code 01-empty.png},
 * {@code 02-results.png} (whole page), {@code 03-sorted.png}, {@code 04-long-horizon.png},
 * {@code 05-cache-panel.png}, {@code 06-error.png}, {@code 07-phone.png} (whole page, 390x844), and
 * {@code failed-<test>.png} for a test that fails. Where Chromium or chromedriver is not installed
 * every test is skipped with a message; {@code bash .ci/run} installs both.
 */
@ExtendWith(DashboardBrowserTest.ScreenshotOnFailure.class)
class DashboardBrowserTest {

    static final Path PORTFOLIO = Path.of("examples/tech-heavy.csv").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/browser-screenshots");
    static final Pattern NUMBER = Pattern.compile("^-?\\d[\\d,]*(\\.\\d+)?");

    @TempDir
    static Path dir;
    static DashboardService service;
    static HeadlessChromium chromium;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        if (!HeadlessChromium.installed()) {
            // said once here, and by each skipped test in its report
            System.err.println(HeadlessChromium.NOT_INSTALLED);
            return;
        }
        service = new DashboardService(dir);
        chromium = new HeadlessChromium(SCREENSHOTS);
        driver = chromium.driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        try (DashboardService running = service; HeadlessChromium browser = chromium) {
            // closed in reverse order: the browser first, then the service
        }
    }

    @BeforeEach
    void browserInstalled() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void backToTheDesktopWindow() {
        if (chromium != null) {
            chromium.desktop();
        }
    }

    @Test
    void anEmptyDashboardAsksForAFileAndTheSkipLinkComesFirst() {
        open();
        chromium.screenshot("01-empty.png");

        assertThat(driver.getTitle()).isEqualTo("Market Opportunities");
        assertThat(visible("#summary")).isFalse();
        assertThat(text("#cache-panel")).contains("admin token");

        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("Skip to the results");

        click("#scan-button");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Choose a portfolio file first"));
    }

    @Test
    void aScanShowsEveryGapTheOpportunitiesTheTrimsAndTheImpact() throws Exception {
        scanInTheBrowser("6-12 months");
        chromium.fullPageScreenshot("02-results.png");
        JsonNode report = service.scan(PORTFOLIO, "medium");

        assertThat(text("#summary")).contains("13", "Horizon 6-12 months", "Dec 5, 2022");

        List<WebElement> cards = driver.findElements(By.cssSelector("#gaps .gap-card"));
        assertThat(cards).hasSize(report.path("gaps").size());
        WebElement healthcare = driver.findElement(By.cssSelector("#gaps .gap-card[data-sector='Healthcare']"));
        JsonNode healthcareGap = gap(report, "Healthcare");
        assertThat(healthcare.getText()).contains("XLV", percent(healthcareGap.path("current_pct").asDouble()),
                percent(healthcareGap.path("target_pct").asDouble()));
        for (JsonNode gap : report.path("gaps")) {
            WebElement badge = driver.findElement(By.cssSelector(
                    "#gaps .gap-card[data-sector='" + gap.path("sector").asString() + "'] .score"));
            assertThat(badge.getAttribute("class")).as(gap.path("sector").asString())
                    .contains(scoreClass(gap.path("score")));
        }

        assertThat(column("symbol")).isEqualTo(symbolsByScoreDescending(report));
        assertThat(driver.findElements(By.cssSelector("#trims-table tbody tr")))
                .hasSize(Math.max(1, report.path("suggested_sales").size()));
        assertThat(driver.findElements(By.cssSelector("#excluded li")))
                .hasSize(Math.max(1, report.path("excluded_positions").size()));

        JsonNode impact = report.path("impact");
        assertThat(text("#risk")).contains(percent(impact.path("risk_before").asDouble()),
                percent(impact.path("risk_after").asDouble()));
        WebElement chart = driver.findElement(By.id("impact-chart"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(200);
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        assertThat((Boolean) js("const c = arguments[0];"
                + " const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true; return false;", chart))
                .as("the chart has drawn something").isTrue();
    }

    @Test
    void everyScoreIsColouredAndWordedByItsReadingAndAGapWithNothingWorthBuyingSaysSo() throws Exception {
        JsonNode report = service.scan(PORTFOLIO, "medium");
        scanInTheBrowser("6-12 months");

        List<JsonNode> rows = new ArrayList<>();
        report.path("opportunities").forEach(rows::add);
        rows.sort(Comparator.comparingDouble((JsonNode row) -> row.path("score").asDouble()).reversed());
        assertThat(column("action")).isEqualTo(rows.stream().map(row -> readingWords(row.path("score"))).toList());
        assertThat(driver.findElements(By.cssSelector("#opportunities-table tbody tr[data-symbol] .score")))
                .extracting(badge -> badge.getAttribute("class"))
                .zipSatisfy(rows, (classes, row) -> assertThat(classes).as(row.path("symbol").asString())
                        .contains(scoreClass(row.path("score"))));

        int nothingWorthBuying = 0;
        for (JsonNode gap : report.path("gaps")) {
            String card = driver.findElement(By.cssSelector(
                    "#gaps .gap-card[data-sector='" + gap.path("sector").asString() + "']")).getText();
            if (gap.path("score").isNumber()) {
                assertThat(card).as(gap.path("sector").asString()).contains(readingWords(gap.path("score")));
            }
            JsonNode best = gap.path("best_candidate");
            if (gap.path("no_candidate_worth_buying").asBoolean()) {
                nothingWorthBuying++;
                assertThat(card).contains(String.format(Locale.ROOT, "Nothing worth buying: best %s %.1f (%s)",
                        best.path("symbol").asString(), best.path("score").asDouble(), readingWords(best.path("score"))));
            } else {
                assertThat(card).doesNotContain("Nothing worth buying");
            }
        }
        // tech-heavy, medium, 2022-12-05: Healthcare's best is JNJ at 49.2, Industrials' AIR.PA at 49.9, Japan's EWJ 43.9
        assertThat(nothingWorthBuying).isEqualTo(3);
        assertThat(text("#gaps-section .section-note")).contains("75", "60", "50");
    }

    @Test
    void theScoreHeaderSortsTheOpportunitiesOneWayThenTheOther() throws Exception {
        JsonNode report = service.scan(PORTFOLIO, "medium");
        scanInTheBrowser("6-12 months");
        List<Double> scores = new ArrayList<>();
        report.path("opportunities").forEach(row -> scores.add(row.path("score").asDouble()));

        assertThat(ariaSort("score")).isEqualTo("descending");
        assertThat(scores()).isEqualTo(scores.stream().sorted(Comparator.reverseOrder()).toList());

        click("th button[data-sort=score]");
        assertThat(ariaSort("score")).isEqualTo("ascending");
        assertThat(scores()).isEqualTo(scores.stream().sorted().toList());
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("opportunities-table")));
        chromium.screenshot("03-sorted.png");

        click("th button[data-sort=score]");
        assertThat(ariaSort("score")).isEqualTo("descending");
        assertThat(scores()).isEqualTo(scores.stream().sorted(Comparator.reverseOrder()).toList());

        click("th button[data-sort=symbol]");
        assertThat(ariaSort("symbol")).isEqualTo("ascending");
        assertThat(ariaSort("score")).isNull();
        List<String> symbols = column("symbol");
        assertThat(symbols).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void choosingTheLongHorizonScansAgainWithItsOwnScores() throws Exception {
        JsonNode medium = service.scan(PORTFOLIO, "medium");
        JsonNode longer = service.scan(PORTFOLIO, "long");
        scanInTheBrowser("6-12 months");
        assertThat(column("symbol")).isEqualTo(symbolsByScoreDescending(medium));

        // the radio itself is a transparent 1px input under its label, as in a segmented control:
        // a person clicks the label, and so does the test
        click("label[for=horizon-long]");
        waitForReport("2-3 years");
        chromium.screenshot("04-long-horizon.png");

        assertThat(driver.findElement(By.cssSelector("input[name=horizon][value=long]")).isSelected()).isTrue();
        assertThat(symbolsByScoreDescending(longer)).isNotEqualTo(symbolsByScoreDescending(medium));
        assertThat(column("symbol")).isEqualTo(symbolsByScoreDescending(longer));
        assertThat(text("#gaps")).contains(gapSectors(longer));
    }

    @Test
    void theCachePanelShowsTheBackendAndTheHitRateToTheAdmin() throws Exception {
        scanInTheBrowser("6-12 months");
        assertThat(text("#cache-panel")).contains("admin token");

        driver.findElement(By.id("admin-token")).sendKeys(DashboardService.ADMIN_TOKEN);
        click("#cache-refresh");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cache-panel"), "Hit rate"));
        JsonNode stats = service.cacheStats();
        js("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("cache-panel")));
        chromium.screenshot("05-cache-panel.png");

        String panel = text("#cache-panel");
        assertThat(stats.path("backends").asString()).isEqualTo("memory");
        assertThat(panel).contains("memory", "Not used",
                count(stats.path("hits").asLong()) + " hits", count(stats.path("misses").asLong()) + " misses");
        Matcher hitRate = Pattern.compile("Hit rate\\s+(\\d+(\\.\\d+)?)\\s?%").matcher(panel);
        assertThat(hitRate.find()).as("a hit rate in percent").isTrue();
        assertThat(Double.parseDouble(hitRate.group(1))).isCloseTo(stats.path("hit_rate").asDouble() * 100, within(0.5));
        assertThat(driver.findElements(By.cssSelector("#cache-panel code"))).isNotEmpty();
    }

    @Test
    void aMalformedFileIsExplainedInPlainWordsNamingTheLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-portfolio.csv"), "ticker,value\nAAPL,1\n");
        open();
        loadPortfolio(bad);
        click("#scan-button");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "could not be read"));
        chromium.screenshot("06-error.png");

        assertThat(text("#error")).contains("bad-portfolio.csv", "line 1", "symbol");
        assertThat(visible("#summary")).isFalse();
    }

    @Test
    void theKeyboardAloneReachesScanAndSorts() {
        open();
        loadPortfolio(PORTFOLIO);
        setAsOf(DashboardService.AS_OF);

        js("arguments[0].focus()", driver.findElement(By.id("portfolio-file")));
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 12 && !"scan-button".equals(focused().getAttribute("id")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            path.add(focused().getAttribute("id"));
        }
        assertThat(path).as("Tab from the file picker").endsWith("scan-button")
                .containsSubsequence("horizon-medium", "min-gap", "as-of", "api-key", "scan-button");

        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForReport("6-12 months");

        driver.findElement(By.cssSelector("th button[data-sort=score]")).sendKeys(Keys.SPACE);
        assertThat(ariaSort("score")).isEqualTo("ascending");
    }

    @Test
    void theDashboardWorksUnderItsSecurityPolicyWithoutAViolation() {
        chromium.consoleMessages();
        scanInTheBrowser("6-12 months");
        driver.findElement(By.id("admin-token")).sendKeys(DashboardService.ADMIN_TOKEN);
        click("#cache-refresh");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cache-panel"), "Hit rate"));

        Object policy = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/').then(r => done(r.headers.get('content-security-policy')));");
        assertThat(String.valueOf(policy)).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(driver.findElements(By.cssSelector("#gaps .gap-card"))).isNotEmpty();
        assertThat(chromium.consoleMessages()).as("console of the dashboard under its policy")
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused to"));
    }

    @Test
    void onAPhoneTheResultsFitTheWidth() {
        chromium.phone(390, 844);
        scanInTheBrowser("6-12 months");
        chromium.fullPageScreenshot("07-phone.png");

        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .as("page width on a 390 px phone: no sideways scrolling").isLessThanOrEqualTo(390);
        List<WebElement> reasons = driver.findElements(By.cssSelector("#trims-table td.why"));
        assertThat(reasons).as("the trims' reasons").isNotEmpty();
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("trims-table")));
        chromium.screenshot("08-phone-trims.png");
        WebElement wrap = driver.findElement(By.cssSelector("#trims-section .table-wrap"));
        int visibleRight = wrap.getRect().getX() + wrap.getSize().getWidth();
        for (WebElement why : reasons) {
            assertThat(why.getSize().getWidth()).as("width of a trim's 'Why' on a phone: %s", why.getText())
                    .isGreaterThanOrEqualTo(250);
            assertThat(why.getRect().getX() + why.getSize().getWidth()).as("the reason is not cut off at the right")
                    .isLessThanOrEqualTo(visibleRight + 1);
        }
    }

    // ---------------------------------------------------------------- steps

    /** A fresh page, with nothing remembered from an earlier test (the tab keeps tokens in sessionStorage). */
    static void open() {
        driver.get(service.base.toString());
        js("sessionStorage.clear()");
        driver.get(service.base.toString());
        // app.js has run once the cache panel has said something
        wait.until(d -> !d.findElement(By.id("cache-body")).getText().isBlank());
    }

    static void loadPortfolio(Path file) {
        driver.findElement(By.id("portfolio-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-info"),
                file.getFileName().toString()));
    }

    /** Typing into a date input depends on the browser's locale (mm/dd/yyyy or dd/mm/yyyy): set its value. */
    static void setAsOf(String isoDate) {
        js("const input = arguments[0]; input.value = arguments[1];"
                + " input.dispatchEvent(new Event('input', {bubbles: true}));"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));",
                driver.findElement(By.id("as-of")), isoDate);
    }

    static void scanInTheBrowser(String horizonLabel) {
        open();
        loadPortfolio(PORTFOLIO);
        setAsOf(DashboardService.AS_OF);
        click("#scan-button");
        waitForReport(horizonLabel);
    }

    /** Until the summary shows a finished scan of that horizon. */
    static void waitForReport(String horizonLabel) {
        wait.until(d -> !d.findElement(By.id("scan-progress")).isDisplayed()
                && d.findElement(By.id("summary")).isDisplayed()
                && d.findElement(By.id("summary")).getText().contains("Horizon " + horizonLabel)
                && d.findElement(By.id("error")).getText().isBlank());
    }

    static void click(String selector) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector))).click();
    }

    // ---------------------------------------------------------------- reading the page

    static String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    static boolean visible(String selector) {
        return driver.findElement(By.cssSelector(selector)).isDisplayed();
    }

    static WebElement focused() {
        return driver.switchTo().activeElement();
    }

    static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    static String ariaSort(String field) {
        return driver.findElement(By.cssSelector("#opportunities-table th:has(button[data-sort=" + field + "])"))
                .getAttribute("aria-sort");
    }

    /** The cells of one column of the opportunities table, top to bottom, found by its sort field. */
    static List<String> column(String field) {
        List<WebElement> headers = driver.findElements(By.cssSelector("#opportunities-table thead th"));
        int index = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).findElements(By.cssSelector("button[data-sort=" + field + "]")).isEmpty()) {
                index = i;
            }
        }
        assertThat(index).as("a column sorted by " + field).isNotNegative();
        List<String> cells = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#opportunities-table tbody tr[data-symbol]"))) {
            cells.add(row.findElements(By.cssSelector("th, td")).get(index).getText().trim());
        }
        return cells;
    }

    static List<Double> scores() {
        return column("score").stream().map(cell -> leadingNumber(cell).orElseThrow(
                () -> new AssertionError("no score in the cell '" + cell + "'"))).toList();
    }

    static Optional<Double> leadingNumber(String text) {
        Matcher number = NUMBER.matcher(text);
        return number.find() ? Optional.of(Double.parseDouble(number.group().replace(",", ""))) : Optional.empty();
    }

    // ---------------------------------------------------------------- the API's answer, as the page shows it

    static JsonNode gap(JsonNode report, String sector) {
        for (JsonNode gap : report.path("gaps")) {
            if (sector.equals(gap.path("sector").asString())) {
                return gap;
            }
        }
        throw new AssertionError("no " + sector + " gap in the API's report");
    }

    static String[] gapSectors(JsonNode report) {
        List<String> sectors = new ArrayList<>();
        report.path("gaps").forEach(gap -> sectors.add(gap.path("sector").asString()));
        return sectors.toArray(String[]::new);
    }

    /** The report's opportunities as the table lists them by default: score descending, ties in report order. */
    static List<String> symbolsByScoreDescending(JsonNode report) {
        List<JsonNode> rows = new ArrayList<>();
        report.path("opportunities").forEach(rows::add);
        return rows.stream().sorted(Comparator.comparingDouble((JsonNode row) -> row.path("score").asDouble())
                .reversed()).map(row -> row.path("symbol").asString()).toList();
    }

    /** The colour of SCANNER.md 4's readings: strong buy from 75, buy from 60, consider from 50, avoid below. */
    static String scoreClass(JsonNode score) {
        if (score.isNull() || score.isMissingNode()) {
            return "score-none";
        }
        return "score-" + readingWords(score).replace(' ', '-');
    }

    /** SCANNER.md 4's reading of a score, in words: the page shows it beside the score. */
    static String readingWords(JsonNode score) {
        double value = score.asDouble();
        return value >= 75 ? "strong buy" : value >= 60 ? "buy" : value >= 50 ? "consider" : "avoid";
    }

    /** Percent points as the en-US page writes them: 38.54 -> "38.5%". */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** Keeps what the page looked like when a test failed, beside the other screenshots. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (chromium != null) {
                chromium.screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
            }
        }
    }
}
