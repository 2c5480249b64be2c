package com.marketopportunities.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.json.JsonFormat;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard in a real headless Chromium (Debian's, see {@link HeadlessChromium}) against the
 * service started in this JVM ({@link DashboardService}): load {@code examples/tech-heavy.csv}, scan
 * it as of 2022-12-05, read the gaps, sort the opportunities, switch the horizon, look at the impact
 * and the cache panel, get a plain-words error, use the keyboard alone, fit a phone. What the page
 * shows is held against what the API answers for the same file.
 *
 * <p>The exposure of EXPOSURE.md 5 (charts, holdings, gap dimensions, impact by dimension, positions
 * left out) is held against the API's answer once the service sends it, and until then skipped
 * with a message; it is also shown from a canned report ({@code browser/exposure-report.json}),
 * answered in the page itself, so that its rendering is tested either way.
 *
 * <p>Screenshots go to {@code target/browser-screenshots/}: {@code 01-empty.png},
 * {@code 02-results.png} (whole page), {@code 03-sorted.png}, {@code 04-long-horizon.png},
 * {@code 05-cache-panel.png}, {@code 06-error.png}, {@code 07-phone.png} (whole page, 390x844),
 * {@code 08-phone-trims.png}; from the canned report {@code 09-exposure.png}, {@code 10-holdings.png},
 * {@code 11-canned-results.png} (whole page), {@code 12-impact-by-dimension.png},
 * {@code 14-phone-exposure.png} (whole page), {@code 15-phone-holdings.png}; from the API's answer
 * {@code 13-exposure-api.png}; for the buy plan of PLAN.md, from canned answers (a plan only when
 * the request has {@code cash}, as the service answers), {@code 16-plan-inputs.png} (the amount and
 * its advanced settings), {@code 16-plan-laptop.png} (the plan section), {@code 16-plan-nothing.png},
 * {@code 16-plan-field-error.png}, {@code 16-plan-phone-inputs.png}, {@code 16-plan-phone.png}
 * and {@code 16-plan-phone-charts.png} (390 px), and from the API's answer {@code 16-plan-api.png}; and {@code failed-<test>.png} for a
 * test that fails. Where Chromium or chromedriver is not installed
 * every test is skipped with a message; {@code bash .ci/run} installs both.
 */
@ExtendWith(DashboardBrowserTest.ScreenshotOnFailure.class)
class DashboardBrowserTest {

    static final Path PORTFOLIO = Path.of("examples/tech-heavy.csv").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/browser-screenshots");
    static final Pattern NUMBER = Pattern.compile("^-?\\d[\\d,]*(\\.\\d+)?");
    static final String CANNED_REPORT = "/browser/exposure-report.json";
    static final String CANNED_PLAN = "/browser/plan.json";

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

    // ---------------------------------------------------------------- exposure (EXPOSURE.md 5)

    @Test
    void theExposureTheHoldingsAndTheDimensionsShowWhatTheApiAnswers() throws Exception {
        JsonNode report = service.scan(PORTFOLIO, "medium");
        assumeTrue(report.has("exposure"), "the service's answer has no 'exposure' yet (EXPOSURE.md 5 is the"
                + " backend's part): the exposure, holdings and dimensions are tested on the canned report only");
        scanInTheBrowser("6-12 months");
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("exposure-section")));
        chromium.screenshot("13-exposure-api.png");

        assertExposureShows(report);
        assertHoldingsShow(report);
        assertGapsSayTheirDimension(report);
        assertImpactIsGroupedByDimension(report);
        assertUnconvertedShow(report);
    }

    @Test
    void aCannedReportShowsTheExposureChartsAgainstTheirRanges() throws Exception {
        JsonNode report = cannedReport();
        scanCanned(report, "EUR");
        chromium.fullPageScreenshot("11-canned-results.png");
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("exposure-section")));
        chromium.screenshot("09-exposure.png");

        assertExposureShows(report);
        assertThat(text("#asset-classes")).contains("EUR 95,000.00", "Equity 95.0%", "Commodities 5.0%");
        // Technology 32.25 % is above its 15-30 range, Financials 8.78 % below 10-18, Healthcare inside
        assertThat(driver.findElement(By.cssSelector("#sector-exposure .exposure-row[data-bucket='Technology']"))
                .getAttribute("class")).contains("standing-above");
        assertThat(driver.findElement(By.cssSelector("#sector-exposure .exposure-row[data-bucket='Financials']"))
                .getAttribute("class")).contains("standing-below");
        assertThat(textContent("#sector-exposure table tr[data-bucket='Healthcare']"))
                .contains("Healthcare", "15.2%", "10% to 18%", "14.0%", "inside its range");
        // Unclassified in its own neutral colour, without a range, in both dimensions
        for (String chart : List.of("#sector-exposure", "#region-exposure")) {
            WebElement unclassified = driver.findElement(By.cssSelector(chart + " .exposure-row.unclassified .bar"));
            WebElement classified = driver.findElement(By.cssSelector(chart + " .exposure-row:not(.unclassified) .bar"));
            assertThat(css(unclassified, "background-image")).contains("repeating-linear-gradient");
            assertThat(css(classified, "background-image")).isEqualTo("none");
        }
        assertThat(text("#region-exposure .exposure-note")).contains("9.5%", "no region");
        // the base currency chosen is sent, and the page says the file's own currency won
        assertThat(scanUrls()).singleElement().asString().contains("base_currency=EUR");
    }

    @Test
    void theHoldingsSayWhereEachFigureCameFromAndSortByMouseAndKeyboard() throws Exception {
        JsonNode report = cannedReport();
        scanCanned(report, "");
        assertThat(scanUrls()).singleElement().asString().doesNotContain("base_currency");
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("holdings-section")));
        chromium.screenshot("10-holdings.png");

        assertHoldingsShow(report);
        assertThat(holdingRow("SPY").getText()).contains("fund breakdown", "known-fund table",
                "Technology 27%, Healthcare 14%, Financials 12%", "+8 more", "North America", "1 USD = 0.9212 EUR");
        assertThat(holdingRow("SAP.DE").getText()).contains("your file", "listing exchange")
                .doesNotContain("1 EUR =");
        assertThat(holdingRow("NOVO-B.CO").getText()).contains("ISIN", "1 DKK = 0.1341 EUR");
        assertThat(holdingRow("EXSA.DE").getText()).contains("fund category");
        assertThat(holdingRow("NESN.SW").getText()).contains("company profile", "Consumer Staples", "Europe");
        assertThat(holdingRow("ABCX").getText()).contains("unclassified", "Unclassified");
        assertThat(holdingRow("GLD").getText()).contains("Commodities");
        // a provider's name is text, never markup
        WebElement novo = holdingRow("NOVO-B.CO").findElement(By.cssSelector("td.name"));
        assertThat(novo.getText()).isEqualTo("Novo Nordisk A/S <B>");
        assertThat(novo.findElements(By.tagName("b"))).isEmpty();

        assertThat(holdingsAriaSort("value")).isEqualTo("descending");
        click("#holdings-table th button[data-sort=symbol]");
        assertThat(holdingsAriaSort("symbol")).isEqualTo("ascending");
        assertThat(holdingsAriaSort("value")).isNull();
        assertThat(holdingSymbols()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).hasSize(9);

        WebElement value = driver.findElement(By.cssSelector("#holdings-table th button[data-sort=value]"));
        value.sendKeys(Keys.SPACE);
        assertThat(holdingsAriaSort("value")).isEqualTo("ascending");
        assertThat(holdingValues()).isSorted();
        value.sendKeys(Keys.ENTER);
        assertThat(holdingsAriaSort("value")).isEqualTo("descending");
        assertThat(holdingValues()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(focused().getAttribute("data-sort")).as("the focus stays on the header").isEqualTo("value");
    }

    @Test
    void aCannedReportSaysWhatWasLeftOutTheGapsDimensionAndTheImpactByDimension() throws Exception {
        JsonNode report = cannedReport();
        scanCanned(report, "GBP");

        assertUnconvertedShow(report);
        assertThat(driver.findElement(By.cssSelector("#summary > :first-child")).getAttribute("id"))
                .as("the positions left out come first in the summary").isEqualTo("unconverted");
        assertThat(text("#unconverted")).contains("2 positions left out", "EUR", "every figure");
        assertThat(text("#summary .scan-meta")).contains("values in EUR, the file's currency (GBP is used only");
        assertThat(scanUrls()).singleElement().asString().contains("base_currency=GBP");

        assertGapsSayTheirDimension(report);
        assertThat(textContent("#gaps .gap-card[data-sector='Asia Pacific'] .dimension-tag")).isEqualTo("Region");
        assertThat(textContent("#gaps .gap-card[data-sector='Financials'] .dimension-tag")).isEqualTo("Sector");

        assertImpactIsGroupedByDimension(report);
        assertThat(text("#impact-chart-caption")).contains("% of equity", "sectors, then regions");
        assertThat(text("#drift")).contains("Europe +4.3 pts");
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("impact-section")));
        chromium.screenshot("12-impact-by-dimension.png");
    }

    @Test
    void anOlderReportWithoutTheExposureFieldsStillShowsEverythingElse() throws Exception {
        ObjectNode older = (ObjectNode) cannedReport();
        older.remove(List.of("exposure", "holdings", "unconverted"));
        older.get("gaps").forEach(gap -> ((ObjectNode) gap).remove("dimension"));
        ((ObjectNode) older.get("impact")).remove("dimension_of");
        chromium.consoleMessages();
        scanCanned(older, "");

        assertThat(visible("#exposure-section")).isFalse();
        assertThat(visible("#holdings-section")).isFalse();
        assertThat(driver.findElements(By.id("unconverted"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#gaps .gap-card"))).hasSize(older.get("gaps").size());
        assertThat(driver.findElements(By.cssSelector("#gaps .dimension-tag"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#allocation-table tbody"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#allocation-table tr.group-row"))).isEmpty();
        assertThat(text("#impact-chart-caption")).contains("% of the portfolio");
        assertThat(chromium.consoleMessages()).as("console after rendering an older report")
                .noneMatch(message -> message.contains("Uncaught") || message.contains("Error"));
    }

    @Test
    void aPartialScoreCarriesAPartialTagThatSaysTheValuePillarIsMissing() throws Exception {
        ObjectNode report = (ObjectNode) cannedReport();
        ObjectNode gap = (ObjectNode) report.get("gaps").get(0);
        gap.put("partial", true).putNull("value_score");
        ObjectNode row = (ObjectNode) report.get("opportunities").get(0);
        row.put("partial", true).putNull("value_score");
        String note = "value pillar missing: fundamentals could not be fetched";
        scanCanned(report, "EUR");

        WebElement card = driver.findElement(By.cssSelector(
                "#gaps .gap-card[data-sector='" + gap.path("sector").asString() + "']"));
        assertThat(card.findElements(By.cssSelector(".badge-partial"))).singleElement()
                .satisfies(tag -> assertThat(tag.getText()).isEqualTo("partial"))
                .satisfies(tag -> assertThat(tag.getAttribute("title")).isEqualTo(note));
        WebElement tr = driver.findElement(By.cssSelector(
                "#opportunities-table tbody tr[data-symbol='" + row.path("symbol").asString() + "']"));
        assertThat(tr.findElements(By.cssSelector("th .badge-partial"))).singleElement()
                .satisfies(tag -> assertThat(tag.getAttribute("title")).isEqualTo(note));
        WebElement value = tr.findElements(By.cssSelector("td")).get(6);
        assertThat(value.getText()).as("the value pillar shows missing, not a number").isEqualTo("—");
        assertThat(value.getAttribute("title")).isEqualTo(note);
        assertThat(driver.findElements(By.cssSelector(".badge-partial"))).as("only the partial ones").hasSize(2);
    }

    @Test
    void onAPhoneTheExposureChartsStackAndTheHoldingsFitTheWidth() throws Exception {
        chromium.phone(390, 844);
        scanCanned(cannedReport(), "EUR");
        chromium.fullPageScreenshot("14-phone-exposure.png");

        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .as("page width on a 390 px phone: no sideways scrolling").isLessThanOrEqualTo(390);
        WebElement sectors = driver.findElement(By.id("sector-exposure"));
        WebElement regions = driver.findElement(By.id("region-exposure"));
        assertThat(regions.getRect().getY()).as("the region chart under the sector chart")
                .isGreaterThanOrEqualTo(sectors.getRect().getY() + sectors.getRect().getHeight());
        for (WebElement track : driver.findElements(By.cssSelector(".exposure-track"))) {
            assertThat(track.getRect().getWidth()).as("a bar's track on a phone").isGreaterThanOrEqualTo(120);
        }
        WebElement holdings = driver.findElement(By.cssSelector("#holdings-section .table-wrap"));
        assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth", holdings)).intValue())
                .as("the holdings need no sideways scrolling").isLessThanOrEqualTo(1);
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("holdings-section")));
        chromium.screenshot("15-phone-holdings.png");
        assertExposureShows(cannedReport());
    }

    // ---------------------------------------------------------------- buy plan (PLAN.md)

    @Test
    void theAmountToInvestAndItsAdvancedSettingsGoInTheScanRequestAndStayForTheNextScans() throws Exception {
        openAnswering(200, "application/json", json(cannedReport()), json(cannedPlanReport()));
        loadPortfolio(PORTFOLIO);
        assertThat(text("label[for=cash]")).isEqualTo("Amount to invest (base currency)");
        new Select(driver.findElement(By.id("base-currency"))).selectByValue("GBP");
        assertThat(text("label[for=cash]")).as("the currency chosen").isEqualTo("Amount to invest (GBP)");
        click("#scan-button");
        waitForScans(1);

        assertThat(scanUrls().get(0)).as("no amount: no plan parameter at all")
                .doesNotContain("cash", "use_trims", "max_positions", "min_ticket", "min_score");
        assertThat(visible("#plan-section")).isFalse();
        assertThat(text("label[for=cash]")).as("the file's currency won").isEqualTo("Amount to invest (EUR)");

        type("#cash", "10000");
        assertThat(visible("#max-positions")).as("the advanced settings start folded").isFalse();
        click("#plan-advanced-toggle");
        click("label[for=use-trims]");
        type("#max-positions", "3");
        type("#min-ticket", "250");
        type("#min-score", "60");
        js("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("plan-advanced")));
        chromium.screenshot("16-plan-inputs.png");
        click("#scan-button");
        waitForScans(2);

        assertThat(query(scanUrls().get(1))).containsEntry("cash", "10000").containsEntry("use_trims", "true")
                .containsEntry("max_positions", "3").containsEntry("min_ticket", "250").containsEntry("min_score", "60")
                .containsEntry("horizon", "medium");
        assertThat(visible("#plan-section")).isTrue();

        // another horizon scans again with the same plan settings, still on the form
        click("label[for=horizon-long]");
        waitForScans(3);
        assertThat(query(scanUrls().get(2))).containsEntry("horizon", "long").containsEntry("cash", "10000")
                .containsEntry("use_trims", "true").containsEntry("max_positions", "3")
                .containsEntry("min_ticket", "250").containsEntry("min_score", "60");
        assertThat(driver.findElement(By.id("cash")).getDomProperty("value")).isEqualTo("10000");
        assertThat(driver.findElement(By.id("use-trims")).isSelected()).isTrue();

        // unticked and emptied, the settings are left to the service's defaults
        click("label[for=use-trims]");
        driver.findElement(By.id("min-ticket")).clear();
        click("#scan-button");
        waitForScans(4);
        assertThat(query(scanUrls().get(3))).containsEntry("cash", "10000").containsEntry("max_positions", "3")
                .doesNotContainKeys("use_trims", "min_ticket");
    }

    @Test
    void aCannedPlanShowsItsPurchasesWhatEachFillsTheDriftAndBothDimensionsBeforeAndAfter() throws Exception {
        ObjectNode report = cannedPlanReport();
        JsonNode plan = report.get("plan");
        openAnswering(200, "application/json", json(cannedReport()), json(report));
        loadPortfolio(PORTFOLIO);
        type("#cash", "10000");
        click("#scan-button");
        waitForScans(1);
        assertThat(query(scanUrls().get(0))).as("the advanced settings as the form shows them")
                .containsEntry("cash", "10000").containsEntry("max_positions", "5").containsEntry("min_score", "50")
                .doesNotContainKeys("use_trims", "min_ticket");
        WebElement section = driver.findElement(By.id("plan-section"));
        chromium.screenshot("16-plan-laptop.png", section);

        assertThat(driver.findElement(By.cssSelector("#summary-section + section")).getAttribute("id"))
                .as("the plan right after the summary").isEqualTo("plan-section");
        assertThat(text("#plan-summary")).contains("EUR 10,000.00 in 4 purchases, optimised",
                "Drift outside the ranges: 167 → 71 (greedy split: 75)",
                "At most 5 purchases · none under EUR 200.00 · scores of 50 and up.");
        assertThat(driver.findElements(By.cssSelector("#plan-notes li"))).extracting(WebElement::getText)
                .containsExactly(plan.get("notes").get(0).asString(), plan.get("notes").get(1).asString());

        List<WebElement> rows = driver.findElements(By.cssSelector("#plan-table tbody tr"));
        assertThat(rows).extracting(row -> row.getAttribute("data-symbol")).containsExactly("VPL", "VWO", "XLC", "XLF");
        for (JsonNode purchase : plan.get("purchases")) {
            String symbol = purchase.get("symbol").asString();
            WebElement row = driver.findElement(By.cssSelector("#plan-table tr[data-symbol='" + symbol + "']"));
            assertThat(row.getText()).as(symbol).contains(purchase.get("name").asString(), "ETF",
                    money(purchase.get("amount").asDouble(), "EUR"), purchase.get("why").asString(),
                    String.format(Locale.ROOT, "%.1f", purchase.get("score").asDouble()));
            assertThat(row.findElement(By.cssSelector(".score")).getAttribute("class")).as(symbol)
                    .contains(scoreClass(purchase.get("score")));
            assertThat(row.findElement(By.cssSelector(".reading")).getText()).as(symbol)
                    .isEqualTo(readingWords(purchase.get("score")));
        }
        assertThat(chips("XLC")).containsExactly("+1.8 Communication Services", "+1.8 North America");
        assertThat(chips("XLF")).containsExactly("+1.1 Financials", "+1.1 North America");
        // a fund moves many buckets: its four largest as chips, the other eight folded (in a title, and read out)
        String folded = "+0.6 Consumer Discretionary, +0.5 Technology, +0.4 Materials, +0.4 Healthcare,"
                + " +0.3 Communication Services, +0.2 Consumer Staples, +0.2 Real Estate, +0.1 Utilities";
        assertThat(chips("VPL")).containsExactly("+2.6 Japan", "+1.9 Asia Pacific", "+0.9 Industrials",
                "+0.8 Financials", "+8 more: " + folded);
        WebElement more = driver.findElement(By.cssSelector("#plan-table tr[data-symbol=VPL] .fill-chips li.more"));
        assertThat(more.getAttribute("title")).isEqualTo(folded);
        assertThat(more.getSize().getWidth()).as("the folded chip shows '+8 more' only").isLessThan(90);
        assertThat(text("#plan-table tfoot")).contains("Total", "EUR 10,000.00");

        assertPlanChartShows("#plan-sectors", plan, "sector");
        assertPlanChartShows("#plan-regions", plan, "region");
        // Financials 8.78 -> 10.24 and Japan 1.26 -> 3.71 climb into their ranges; Europe stays above, Asia Pacific below
        assertThat(planRow("#plan-sectors", "Financials").getAttribute("class")).contains("standing-inside");
        assertThat(planRow("#plan-regions", "Japan").getAttribute("class")).contains("standing-inside");
        assertThat(planRow("#plan-regions", "Europe").getAttribute("class")).contains("standing-above");
        assertThat(planRow("#plan-regions", "Asia Pacific").getAttribute("class")).contains("standing-below");
        assertThat(planRow("#plan-regions", "Japan").getText()).contains("1.3 →", "3.7%", "3–10");
        assertThat(textContent("#plan-regions table tr[data-bucket='Japan']"))
                .contains("Japan", "1.3%", "3.7%", "3% to 10%", "inside its range");
        assertThat(text("#plan-section")).as("the exposure's note on unclassified is not repeated")
                .doesNotContain("has no sector");
    }

    @Test
    void aGreedyPlanPaidPartlyByTheTrimsSaysSo() throws Exception {
        ObjectNode report = cannedPlanReport();
        ((ObjectNode) report.get("plan")).put("method", "greedy").put("cash", 13050.0).put("from_trims", 3050.0);
        openAnswering(200, "application/json", json(cannedReport()), json(report));
        loadPortfolio(PORTFOLIO);
        type("#cash", "10000");
        click("#plan-advanced-toggle");
        click("label[for=use-trims]");
        click("#scan-button");
        waitForScans(1);

        assertThat(text("#plan-summary")).contains(
                "EUR 13,050.00 in 4 purchases, greedy split (the optimiser did no better)",
                "EUR 10,000.00 given + EUR 3,050.00 freed by the suggested trims · at most 5 purchases");
    }

    @Test
    void aPlanWithNothingToBuySaysWhyAndDrawsNoChart() throws Exception {
        ObjectNode report = cannedPlanReport();
        ObjectNode plan = (ObjectNode) report.get("plan");
        plan.put("method", "none").put("min_score", 70.0).put("drift_after", plan.get("drift_before").asDouble())
                .put("greedy_drift_after", plan.get("drift_before").asDouble());
        plan.putArray("purchases");
        plan.set("after", plan.get("before"));
        String note = "Nothing scored high enough: the best candidate of every gap is below the lowest score of 70.";
        plan.putArray("notes").add(note);
        openAnswering(200, "application/json", json(cannedReport()), json(report));
        loadPortfolio(PORTFOLIO);
        type("#cash", "10000");
        click("#plan-advanced-toggle");
        type("#min-score", "70");
        click("#scan-button");
        waitForScans(1);
        chromium.screenshot("16-plan-nothing.png", driver.findElement(By.id("plan-section")));

        assertThat(visible("#plan-section")).isTrue();
        assertThat(text("#plan-summary")).contains("EUR 10,000.00 to invest: nothing to buy",
                "Drift outside the ranges: 167, unchanged").doesNotContain("greedy");
        assertThat(text("#plan-notes")).isEqualTo(note);
        assertThat(visible("#plan-table-wrap")).isFalse();
        assertThat(visible("#plan-charts")).isFalse();
    }

    @Test
    void withoutAPlanInTheAnswerNothingOfThePlanShows() throws Exception {
        // the service before PLAN.md: no plan even when asked, and the page says nothing of one
        chromium.consoleMessages();
        openAnswering(200, "application/json", json(cannedReport()), json(cannedReport()));
        loadPortfolio(PORTFOLIO);
        click("#scan-button");
        waitForScans(1);
        assertThat(visible("#plan-section")).isFalse();

        type("#cash", "10000");
        click("#scan-button");
        waitForScans(2);
        assertThat(scanUrls().get(1)).contains("cash=10000");
        assertThat(visible("#plan-section")).isFalse();
        assertThat(text("#error")).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#plan-table tbody tr, .before-bar"))).isEmpty();
        assertThat(chromium.consoleMessages()).noneMatch(message -> message.contains("Uncaught"));
    }

    @Test
    void theBrowserRefusesANegativeAmountOrNoPurchaseAtAllBesideTheField() throws Exception {
        openAnswering(200, "application/json", json(cannedReport()), json(cannedPlanReport()));
        loadPortfolio(PORTFOLIO);
        type("#cash", "-5");
        click("#scan-button");

        assertThat(text("#cash-error")).isEqualTo("The amount to invest cannot be negative.");
        assertThat(driver.findElement(By.id("cash")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("cash")).getAttribute("aria-describedby")).startsWith("cash-error");
        assertThat(text("#error")).isEqualTo("The amount to invest cannot be negative.");
        assertThat(focused().getAttribute("id")).isEqualTo("cash");
        assertThat(scanUrls()).as("nothing sent").isEmpty();

        type("#cash", "10000");
        assertThat(visible("#cash-error")).as("an edited field drops its message").isFalse();
        assertThat(visible("#max-positions")).isFalse();
        js("arguments[0].value = '0'", driver.findElement(By.id("max-positions")));
        click("#scan-button");
        assertThat(visible("#max-positions")).as("the advanced settings open to show the message").isTrue();
        assertThat(text("#max-positions-error")).isEqualTo("Most purchases must be a whole number, 1 or more.");
        assertThat(focused().getAttribute("id")).isEqualTo("max-positions");
        js("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id("plan-advanced")));
        chromium.screenshot("16-plan-field-error.png");
        assertThat(scanUrls()).as("nothing sent").isEmpty();

        type("#max-positions", "2");
        click("#scan-button");
        waitForScans(1);
        assertThat(query(scanUrls().get(0))).containsEntry("max_positions", "2");
        assertThat(visible("#plan-section")).isTrue();
    }

    @Test
    void aRefusedPlanParameterShowsTheServicesDetailBesideItsField() throws Exception {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"cash must be more than 0: there is nothing to plan with 0\",\"parameter\":\"cash\"}";
        openAnswering(400, "application/problem+json", problem, problem);
        loadPortfolio(PORTFOLIO);
        type("#cash", "0");
        click("#scan-button");
        waitForScans(1);

        assertThat(text("#cash-error")).isEqualTo("cash must be more than 0: there is nothing to plan with 0.");
        assertThat(driver.findElement(By.id("cash")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("#error")).isEqualTo("A scan setting is not valid: cash must be more than 0: there is nothing to plan with 0.");
        assertThat(visible("#plan-section")).isFalse();

        // a detail that names an advanced setting, without a 'parameter': shown beside it, unfolded
        String detailOnly = "{\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"max_positions must be at most 20, got 50.\"}";
        openAnswering(400, "application/problem+json", detailOnly, detailOnly);
        loadPortfolio(PORTFOLIO);
        type("#cash", "10000");
        click("#plan-advanced-toggle");
        type("#max-positions", "50");
        click("#scan-button");
        waitForScans(1);
        assertThat(text("#max-positions-error")).isEqualTo("max_positions must be at most 20, got 50.");
        assertThat(visible("#cash-error")).isFalse();
        assertThat(text("#error")).contains("max_positions must be at most 20, got 50.");
    }

    @Test
    void onAPhoneThePlanFitsTheWidth() throws Exception {
        chromium.phone(390, 844);
        openAnswering(200, "application/json", json(cannedReport()), json(cannedPlanReport()));
        loadPortfolio(PORTFOLIO);
        type("#cash", "10000");
        click("#plan-advanced-toggle");
        click("#scan-button");
        waitForScans(1);
        js("window.scrollTo(0, 0)");
        chromium.screenshot("16-plan-phone-inputs.png", driver.findElement(By.id("setup")));
        chromium.screenshot("16-plan-phone.png", driver.findElement(By.id("plan-section")));
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("plan-charts")));
        chromium.screenshot("16-plan-phone-charts.png");

        assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .as("page width on a 390 px phone: no sideways scrolling").isLessThanOrEqualTo(390);
        WebElement table = driver.findElement(By.id("plan-table-wrap"));
        assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth", table)).intValue())
                .as("the purchases need no sideways scrolling").isLessThanOrEqualTo(1);
        for (WebElement track : driver.findElements(By.cssSelector("#plan-section .exposure-track"))) {
            assertThat(track.getRect().getWidth()).as("a bar's track on a phone").isGreaterThanOrEqualTo(120);
        }
        WebElement sectors = driver.findElement(By.id("plan-sectors"));
        assertThat(driver.findElement(By.id("plan-regions")).getRect().getY()).as("regions under sectors")
                .isGreaterThanOrEqualTo(sectors.getRect().getY() + sectors.getRect().getHeight());
        assertThat(chips("XLC")).containsExactly("+1.8 Communication Services", "+1.8 North America");
    }

    @Test
    void thePlanShowsWhatTheApiAnswersForAnAmount() throws Exception {
        JsonNode report = service.scan(PORTFOLIO, "medium", "&cash=10000");
        assumeTrue(report.has("plan"), "the service's answer has no 'plan' yet (PLAN.md is the backend's part):"
                + " the plan is tested on the canned answers only");
        JsonNode plan = report.get("plan");
        open();
        loadPortfolio(PORTFOLIO);
        setAsOf(DashboardService.AS_OF);
        type("#cash", "10000");
        click("#scan-button");
        waitForReport("6-12 months");
        chromium.screenshot("16-plan-api.png", driver.findElement(By.id("plan-section")));

        String currency = report.path("base_currency").asString();
        assertThat(text("#plan-summary")).contains(money(plan.path("cash").asDouble(), currency));
        List<String> symbols = new ArrayList<>();
        plan.path("purchases").forEach(purchase -> symbols.add(purchase.path("symbol").asString()));
        assertThat(driver.findElements(By.cssSelector("#plan-table tbody tr[data-symbol]")))
                .extracting(row -> row.getAttribute("data-symbol")).containsExactlyElementsOf(symbols);
        for (JsonNode purchase : plan.path("purchases")) {
            assertThat(text("#plan-table tr[data-symbol='" + purchase.path("symbol").asString() + "'] td.amount"))
                    .isEqualTo(money(purchase.path("amount").asDouble(), currency));
        }
        if (!symbols.isEmpty()) {
            assertPlanChartShows("#plan-sectors", plan, "sector");
            assertPlanChartShows("#plan-regions", plan, "region");
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

    /**
     * A fresh page whose scan requests are answered in the page itself with {@code report} (the
     * other requests go to the service), scanned with {@code baseCurrency} chosen ("" for none).
     * The URLs the page asked for are kept for {@link #scanUrls()}.
     */
    static void scanCanned(JsonNode report, String baseCurrency) {
        openAnswering(200, "application/json", json(report), json(report));
        loadPortfolio(PORTFOLIO);
        new Select(driver.findElement(By.id("base-currency"))).selectByValue(baseCurrency);
        click("#scan-button");
        waitForReport("6-12 months");
    }

    /**
     * A fresh page whose scan requests are answered in the page itself with {@code status}, a body of
     * {@code type} and {@code body}, or {@code bodyWithCash} when the request has an amount to invest
     * (as the service adds a plan only then); the other requests go to the service. The URLs the page
     * asked for are kept for {@link #scanUrls()}.
     */
    static void openAnswering(int status, String type, String body, String bodyWithCash) {
        open();
        js("const [status, type, body, bodyWithCash] = arguments; const passOn = window.fetch.bind(window);"
                + " window.scanUrls = [];"
                + " window.fetch = (input, init) => {"
                + "   const url = String(input instanceof Request ? input.url : input);"
                + "   if (!url.includes('/api/bourse/opportunities')) return passOn(input, init);"
                + "   window.scanUrls.push(url);"
                + "   const withCash = new URL(url, location.href).searchParams.has('cash');"
                + "   return Promise.resolve(new Response(withCash ? bodyWithCash : body,"
                + "     {status, headers: {'Content-Type': type}}));"
                + " };", status, type, body, bodyWithCash);
    }

    static String json(JsonNode node) {
        return JsonFormat.mapper().writeValueAsString(node);
    }

    /** Until the page has sent {@code count} scans and the last one has finished, shown or refused. */
    static void waitForScans(int count) {
        wait.until(d -> ((Number) js("return window.scanUrls.length")).intValue() == count
                && "false".equals(d.findElement(By.id("results")).getAttribute("aria-busy")));
    }

    /** Empties a field and types {@code value} into it, as a person would. */
    static void type(String selector, String value) {
        WebElement field = driver.findElement(By.cssSelector(selector));
        field.clear();
        field.sendKeys(value);
    }

    static List<String> scanUrls() {
        List<?> urls = (List<?>) js("return window.scanUrls");
        return urls.stream().map(String::valueOf).toList();
    }

    /** A report in the shape of EXPOSURE.md 5: base EUR, a fund-heavy portfolio, two positions left out. */
    static JsonNode cannedReport() throws Exception {
        return resource(CANNED_REPORT);
    }

    /**
     * The canned report with PLAN.md's {@code plan} ({@code browser/plan.json}, computed from the
     * canned exposure): EUR 10,000 in VPL, VWO, XLC and XLF, optimised, drift 166.5 to 71.4 (greedy 74.6).
     */
    static ObjectNode cannedPlanReport() throws Exception {
        ObjectNode report = (ObjectNode) cannedReport();
        report.set("plan", resource(CANNED_PLAN));
        return report;
    }

    static JsonNode resource(String name) throws Exception {
        try (InputStream json = DashboardBrowserTest.class.getResourceAsStream(name)) {
            assertThat(json).as(name).isNotNull();
            return JsonFormat.mapper().readTree(json);
        }
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

    /** The text of an element whether it shows or not (a visually hidden table, an upper-cased tag). */
    static String textContent(String selector) {
        return driver.findElement(By.cssSelector(selector)).getAttribute("textContent").replace('\u00a0', ' ').trim();
    }

    static String css(WebElement element, String property) {
        return element.getCssValue(property);
    }

    /** Left edge and width in CSS pixels, unrounded. */
    static double[] box(WebElement element) {
        List<?> box = (List<?>) js("const r = arguments[0].getBoundingClientRect(); return [r.left, r.width];", element);
        return new double[] {((Number) box.get(0)).doubleValue(), ((Number) box.get(1)).doubleValue()};
    }

    static WebElement holdingRow(String symbol) {
        return driver.findElement(By.cssSelector("#holdings-table tbody tr[data-symbol='" + symbol + "']"));
    }

    static List<String> holdingSymbols() {
        return driver.findElements(By.cssSelector("#holdings-table tbody tr[data-symbol]")).stream()
                .map(row -> row.getAttribute("data-symbol")).toList();
    }

    static List<Double> holdingValues() {
        return driver.findElements(By.cssSelector("#holdings-table tbody tr[data-symbol] td.value")).stream()
                .map(cell -> Double.parseDouble(cell.getAttribute("textContent").replaceAll("[^0-9.]", ""))).toList();
    }

    static String holdingsAriaSort(String field) {
        return driver.findElement(By.cssSelector("#holdings-table th:has(button[data-sort=" + field + "])"))
                .getAttribute("aria-sort");
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

    // ---------------------------------------------------------------- the exposure, as the page shows it

    /** The asset-class line, the equity value, and each bucket of both charts: bar, band, target, text alternative. */
    static void assertExposureShows(JsonNode report) {
        JsonNode exposure = report.path("exposure");
        assertThat(visible("#exposure-section")).isTrue();
        String assets = text("#asset-classes");
        assertThat(assets).contains(money(exposure.path("equity_value").asDouble(), report.path("base_currency").asString()));
        for (JsonNode row : exposure.path("asset_classes")) {
            assertThat(assets).contains(row.path("bucket").asString() + " " + percent(row.path("pct").asDouble()));
        }
        assertChartShows("#sector-exposure", exposure.path("sectors"));
        assertChartShows("#region-exposure", exposure.path("regions"));
    }

    static void assertChartShows(String chart, JsonNode rows) {
        List<String> buckets = new ArrayList<>();
        rows.forEach(row -> buckets.add(row.path("bucket").asString()));
        assertThat(driver.findElements(By.cssSelector(chart + " .exposure-row")))
                .extracting(row -> row.getAttribute("data-bucket")).as(chart).containsExactlyElementsOf(buckets);
        double scale = Double.parseDouble(driver.findElement(By.cssSelector(chart)).getAttribute("data-scale"));
        assertThat(scale).isLessThanOrEqualTo(100);
        for (JsonNode row : rows) {
            String bucket = row.path("bucket").asString();
            double pct = row.path("pct").asDouble();
            boolean ranged = row.has("min_pct") && row.has("max_pct");
            assertThat(scale).as("the axis holds %s", bucket)
                    .isGreaterThanOrEqualTo(Math.max(pct, row.path("max_pct").asDouble()));
            WebElement line = driver.findElement(By.cssSelector(chart + " .exposure-row[data-bucket='" + bucket + "']"));
            double[] track = box(line.findElement(By.cssSelector(".exposure-track")));
            double perPoint = track[1] / scale;
            assertThat(line.findElement(By.cssSelector(".exposure-value strong")).getText()).as(bucket)
                    .isEqualTo(percent(pct));
            List<WebElement> bar = line.findElements(By.cssSelector(".bar"));
            if (pct > 0) {
                assertThat(box(bar.get(0))[1]).as("%s's bar", bucket).isCloseTo(Math.max(2, pct * perPoint), within(1.0));
            } else {
                assertThat(bar).as("%s holds nothing: no bar", bucket).isEmpty();
            }
            String alternative = textContent(chart + " table tr[data-bucket='" + bucket + "']");
            assertThat(alternative).contains(bucket, percent(pct));
            if (ranged) {
                double min = row.path("min_pct").asDouble();
                double max = row.path("max_pct").asDouble();
                double[] band = box(line.findElement(By.cssSelector(".band")));
                assertThat(band[0] - track[0]).as("%s's range starts at %s", bucket, min).isCloseTo(min * perPoint, within(1.0));
                assertThat(band[1]).as("%s's range is %s wide", bucket, max - min).isCloseTo((max - min) * perPoint, within(1.0));
                double[] target = box(line.findElement(By.cssSelector(".target")));
                assertThat(target[0] + target[1] / 2 - track[0]).as("%s's target", bucket)
                        .isCloseTo(row.path("target_pct").asDouble() * perPoint, within(1.0));
                assertThat(line.getText()).contains(range(min, max));
                assertThat(alternative).contains(whole(min) + "% to " + whole(max) + "%",
                        percent(row.path("target_pct").asDouble()),
                        pct < min ? "below its range" : pct > max ? "above its range" : "inside its range");
            } else {
                assertThat(line.findElements(By.cssSelector(".band, .target"))).as("%s has no range", bucket).isEmpty();
                assertThat(line.getText()).contains("no target");
                assertThat(alternative).contains("no target range");
            }
        }
    }

    /** The plan's chips of one purchase, as a screen reader reads them. */
    static List<String> chips(String symbol) {
        return driver.findElements(By.cssSelector("#plan-table tr[data-symbol='" + symbol + "'] .fill-chips li"))
                .stream().map(chip -> chip.getAttribute("textContent").trim()).toList();
    }

    static WebElement planRow(String chart, String bucket) {
        return driver.findElement(By.cssSelector(chart + " .exposure-row[data-bucket='" + bucket + "']"));
    }

    /**
     * The plan's chart of one dimension: a row per bucket of that dimension in the plan's order, the
     * grey bar as long as before, the coloured one as after and coloured by where it ends, the band
     * the range; and a hidden table with the same numbers.
     */
    static void assertPlanChartShows(String chart, JsonNode plan, String dimension) {
        JsonNode before = plan.path("before");
        JsonNode after = plan.path("after");
        List<String> buckets = new ArrayList<>();
        before.properties().forEach(entry -> {
            String bucket = entry.getKey();
            boolean shown = entry.getValue().asDouble() != 0 || after.path(bucket).asDouble() != 0
                    || plan.path("ranges").has(bucket);
            if (shown && dimension.equals(plan.path("dimension_of").path(bucket).asString())) {
                buckets.add(bucket);
            }
        });
        assertThat(driver.findElements(By.cssSelector(chart + " .exposure-row")))
                .extracting(row -> row.getAttribute("data-bucket")).as(chart).containsExactlyElementsOf(buckets);
        double scale = Double.parseDouble(driver.findElement(By.cssSelector(chart)).getAttribute("data-scale"));
        for (String bucket : buckets) {
            double was = before.path(bucket).asDouble();
            double is = after.path(bucket).asDouble();
            JsonNode range = plan.path("ranges").path(bucket);
            WebElement line = planRow(chart, bucket);
            double[] track = box(line.findElement(By.cssSelector(".exposure-track")));
            double perPoint = track[1] / scale;
            assertThat(scale).as("the axis holds %s", bucket).isGreaterThanOrEqualTo(Math.max(was, is));
            if (was > 0) {
                assertThat(box(line.findElement(By.cssSelector(".before-bar")))[1]).as("%s before", bucket)
                        .isCloseTo(Math.max(2, was * perPoint), within(1.0));
            }
            if (is > 0) {
                assertThat(box(line.findElement(By.cssSelector(".bar")))[1]).as("%s after", bucket)
                        .isCloseTo(Math.max(2, is * perPoint), within(1.0));
            }
            assertThat(line.findElement(By.cssSelector(".exposure-value strong")).getText()).as(bucket)
                    .isEqualTo(percent(is));
            assertThat(line.findElement(By.cssSelector(".exposure-before")).getText()).as(bucket)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f →", was));
            String alternative = textContent(chart + " table tr[data-bucket='" + bucket + "']");
            assertThat(alternative).contains(bucket, percent(was), percent(is));
            if (range.isArray()) {
                double min = range.get(0).asDouble();
                double max = range.get(1).asDouble();
                double[] band = box(line.findElement(By.cssSelector(".band")));
                assertThat(band[0] - track[0]).as("%s's range starts at %s", bucket, min).isCloseTo(min * perPoint, within(1.0));
                assertThat(band[1]).as("%s's range is %s wide", bucket, max - min).isCloseTo((max - min) * perPoint, within(1.0));
                assertThat(line.getAttribute("class")).as(bucket)
                        .contains(is < min ? "standing-below" : is > max ? "standing-above" : "standing-inside");
                assertThat(alternative).contains(whole(min) + "% to " + whole(max) + "%");
            }
        }
    }

    /** A URL's query parameters, decoded. */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** Every holding, by value largest first, with its value, currency and rate, main weights and their sources. */
    static void assertHoldingsShow(JsonNode report) {
        String base = report.path("base_currency").asString();
        List<JsonNode> holdings = new ArrayList<>();
        report.path("holdings").forEach(holdings::add);
        holdings.sort(Comparator.comparingDouble((JsonNode holding) -> holding.path("value").asDouble()).reversed());
        assertThat(holdingSymbols()).isEqualTo(holdings.stream().map(holding -> holding.path("symbol").asString()).toList());
        for (JsonNode holding : holdings) {
            String symbol = holding.path("symbol").asString();
            String row = holdingRow(symbol).getText();
            assertThat(row).as(symbol).contains(money(holding.path("value").asDouble(), base),
                    holding.path("currency").asString());
            double rate = holding.path("fx_rate").asDouble(1);
            if (Math.abs(rate - 1) > 1e-9) {
                assertThat(row).as(symbol).contains("1 " + holding.path("currency").asString() + " = "
                        + significant(rate) + " " + base);
            }
            for (String dimension : List.of("sectors", "regions")) {
                mainWeight(holding.path(dimension)).ifPresent(bucket -> assertThat(row).as(symbol).contains(bucket));
            }
            for (String source : List.of("sector_source", "region_source")) {
                if (holding.hasNonNull(source)) {
                    assertThat(row).as(symbol).contains(SOURCE_WORDS.getOrDefault(holding.path(source).asString(),
                            holding.path(source).asString()));
                }
            }
        }
    }

    /** Each gap card tagged with its dimension. */
    static void assertGapsSayTheirDimension(JsonNode report) {
        for (JsonNode gap : report.path("gaps")) {
            String card = "#gaps .gap-card[data-sector='" + gap.path("sector").asString() + "']";
            if (gap.hasNonNull("dimension")) {
                assertThat(textContent(card + " .dimension-tag")).as(card)
                        .isEqualToIgnoringCase(gap.path("dimension").asString());
            }
        }
    }

    /** The allocation table in row groups, sectors then regions, each holding only its dimension's buckets. */
    static void assertImpactIsGroupedByDimension(JsonNode report) {
        JsonNode impact = report.path("impact");
        JsonNode dimensionOf = impact.path("dimension_of");
        List<String> groups = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (WebElement group : driver.findElements(By.cssSelector("#allocation-table tbody"))) {
            String dimension = group.getAttribute("data-dimension");
            groups.add(dimension);
            for (WebElement row : group.findElements(By.cssSelector("tr[data-bucket]"))) {
                String bucket = row.getAttribute("data-bucket");
                shown.add(bucket);
                if (dimension != null) {
                    assertThat(dimensionOf.path(bucket).asString()).as(bucket).isEqualTo(dimension);
                }
            }
        }
        assertThat(groups).as("the row groups").containsSubsequence("sector", "region");
        assertThat(textContent("#allocation-table tbody[data-dimension=sector] tr.group-row")).isEqualTo("Sectors");
        assertThat(textContent("#allocation-table tbody[data-dimension=region] tr.group-row")).isEqualTo("Regions");
        List<String> moved = new ArrayList<>();
        impact.path("before").properties().forEach(entry -> {
            if (entry.getValue().asDouble() != 0 || impact.path("after").path(entry.getKey()).asDouble() != 0) {
                moved.add(entry.getKey());
            }
        });
        assertThat(shown).containsExactlyInAnyOrderElementsOf(moved);
    }

    /** The positions that could not be converted, each with its currency and reason; no notice when there are none. */
    static void assertUnconvertedShow(JsonNode report) {
        JsonNode unconverted = report.path("unconverted");
        if (unconverted.isEmpty()) {
            assertThat(driver.findElements(By.id("unconverted"))).isEmpty();
            return;
        }
        assertThat(visible("#unconverted")).isTrue();
        assertThat(driver.findElements(By.cssSelector("#unconverted li"))).hasSize(unconverted.size());
        for (JsonNode item : unconverted) {
            assertThat(text("#unconverted li[data-symbol='" + item.path("symbol").asString() + "']"))
                    .contains(item.path("symbol").asString(), item.path("currency").asString(),
                            item.path("reason").asString());
        }
    }

    /** EXPOSURE.md 2's sources as the page words them. */
    static final Map<String, String> SOURCE_WORDS = Map.of("file", "your file", "provider_fund", "fund breakdown",
            "known_fund", "known-fund table", "fund_category", "fund category", "profile", "company profile",
            "isin", "ISIN", "listing", "listing exchange", "unclassified", "unclassified");

    /** The largest weight's bucket of one dimension, as the holdings table lists it first. */
    static Optional<String> mainWeight(JsonNode weights) {
        String main = null;
        double largest = 0;
        for (Map.Entry<String, JsonNode> entry : weights.properties()) {
            if (entry.getValue().asDouble() > largest) {
                largest = entry.getValue().asDouble();
                main = entry.getKey();
            }
        }
        return Optional.ofNullable(main);
    }

    /** An amount as the en-US page writes it with the currency's code: "EUR 95,000.00". */
    static String money(double value, String currency) {
        return currency + " " + String.format(Locale.US, "%,.2f", value);
    }

    /** An exchange rate to 4 significant digits, as the page writes it: 1.0213 -> "1.021". */
    static String significant(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(new BigDecimal(value).round(new MathContext(4)));
    }

    /** A range bound as the taxonomy writes it: 15 -> "15", 2.5 -> "2.5". */
    static String whole(double value) {
        return value % 1 == 0 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String range(double min, double max) {
        return whole(min) + "–" + whole(max);
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
