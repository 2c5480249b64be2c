package com.marketopportunities.cli;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.InvalidSettingsException;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.config.MarketDataSources;
import com.marketopportunities.config.SourceOptions;
import com.marketopportunities.portfolio.PortfolioFormat;
import com.marketopportunities.portfolio.PortfolioFormatException;
import com.marketopportunities.portfolio.PortfolioImport;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.portfolio.PrintableText;
import com.marketopportunities.scan.InvalidScanParameterException;
import com.marketopportunities.scan.PlanChoice;
import com.marketopportunities.scan.NoDataInWindowException;
import com.marketopportunities.scan.ScanFailedException;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scan.ScanSettings;
import com.marketopportunities.scoring.Horizon;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scan PORTFOLIO}: the whole answer for one portfolio, as a table or as the API's JSON. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scans a portfolio file: gaps, scored candidates, suggested trims and impact.",
                "Progress goes to stderr; the answer to stdout.",
                "Exit codes: 0 done, 1 the scan failed, 2 bad input."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PORTFOLIO",
            description = "Portfolio file: plain CSV, JSON, or a Saxo Bank position export (detected from content).")
    Path portfolioFile;

    @Option(names = "--horizon", paramLabel = "short|medium|long", defaultValue = "medium",
            converter = HorizonConverter.class,
            description = "Investment horizon: short (1-3 months), medium (6-12 months), long (2-3 years). "
                    + "Default: ${DEFAULT-VALUE}.")
    Horizon horizon;

    @Option(names = "--min-gap", paramLabel = "PCT",
            description = "Smallest gap reported, in percent points, 0 to 50. Default: 5.0 (scan.min-gap-pct).")
    Double minGap;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Use only prices on or before this date, for a reproducible scan. Default: today.")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: a table for a terminal, or the HTTP API's JSON response body. "
                    + "Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--top", paramLabel = "N",
            description = "Blue chips per gap besides its ETF, 0 to 20. Default: 6 (scan.top-n).")
    Integer top;

    @Option(names = "--base-currency", paramLabel = "CODE",
            description = "Currency of every figure when the portfolio file names none (a Saxo export's account "
                    + "currency and JSON base_currency come first): an ISO 4217 code such as EUR. Default: USD.")
    String baseCurrency;

    @Option(names = "--cash", paramLabel = "AMOUNT",
            description = "The buy plan (PLAN.md): what to buy with this amount, in the base currency, to come closest "
                    + "to the target ranges of both dimensions. A PLAN section follows the scan.")
    Double cash;

    @Option(names = "--use-trims", description = "Add what the suggested trims free to the amount to invest.")
    Boolean useTrims;

    @Option(names = "--max-positions", paramLabel = "N",
            description = "At most N purchases, 1 to 100. Default: 5.")
    Integer maxPositions;

    @Option(names = "--min-ticket", paramLabel = "AMOUNT",
            description = "No purchase smaller than this, at most the amount. Default: 2 % of the amount, at least 100.")
    Double minTicket;

    @Option(names = "--min-score", paramLabel = "SCORE",
            description = "Buy nothing scored below this, 0 to 100 (unscored: never). Default: 50 (\"consider\").")
    Double minScore;

    @Option(names = "--portfolio-format", paramLabel = "csv|json|saxo",
            description = "Force the portfolio format instead of detecting it from the content.")
    PortfolioFormat portfolioFormat;

    @picocli.CommandLine.Mixin
    SourceOptions source;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Your own buckets and target ranges (JSON, the shape of sectors/taxonomy.json).")
    Path taxonomy;

    @Option(names = "--universe", paramLabel = "FILE",
            description = "Your own candidate universe (JSON, the shape of sectors/universe.json).")
    Path universe;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    enum OutputFormat { table, json }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PortfolioImport imported;
        try {
            imported = readPortfolio(err);
        } catch (BadInputException | PortfolioFormatException e) {
            err.println("error: " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_BAD_INPUT;
        }
        try (Application application = Application.open(source.overrides().withSectorFiles(taxonomy, universe),
                Clock.systemDefaultZone(), new SimpleMeterRegistry())) {
            ScanSettings defaults = application.settings().scan();
            ScanRequest request = new ScanRequest(imported.portfolio(), horizon,
                    minGap == null ? defaults.defaultMinGapPct() : minGap,
                    asOf == null ? LocalDate.now(application.clock()) : asOf,
                    top == null ? defaults.defaultTopN() : top, importNotes(imported), baseCurrency,
                    PlanChoice.of(cash, useTrims, maxPositions, minTicket, minScore));
            ScanReport report = application.scans().scan(request, quiet ? ScanListener.SILENT : new StderrProgress(err));
            if (format == OutputFormat.json) {
                out.println(JsonFormat.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                new ReportTable(out).print(report, portfolioFile.toString(), application.marketData().describe());
            }
            out.flush();
            return MarketOpportunitiesCli.EXIT_OK;
        } catch (InvalidSettingsException e) {
            err.println("error: " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_BAD_INPUT;
        } catch (InvalidScanParameterException e) {
            String option = switch (e.parameter()) {
                case MIN_GAP -> "--min-gap";
                case TOP_N -> "--top";
                case BASE_CURRENCY -> "--base-currency";
                case CASH -> "--cash";
                case MAX_POSITIONS -> "--max-positions";
                case MIN_TICKET -> "--min-ticket";
                case MIN_SCORE -> "--min-score";
            };
            err.println("error: " + option + " " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_BAD_INPUT;
        } catch (NoDataInWindowException e) {
            err.println("scan failed: " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_FAILED;
        } catch (ScanFailedException e) {
            err.println("scan failed: " + e.getMessage());
            if (source.data().equalsIgnoreCase(MarketDataSources.YAHOO)) {
                err.println("Check the network (or --yahoo-url), or scan offline with --data DIR, a folder of CSV files "
                        + "(for example --data ../shared/market-data --as-of 2022-12-05).");
            }
            return MarketOpportunitiesCli.EXIT_FAILED;
        }
    }

    private PortfolioImport readPortfolio(PrintWriter err) {
        String shownName = PrintableText.of(portfolioFile.toString()); // a file name may hold escapes
        try {
            PortfolioImport imported = new PortfolioReader().read(portfolioFile, portfolioFormat);
            if (!quiet) {
                err.printf(Locale.ROOT, "Read %d positions from %s (%s)%s%n", imported.portfolio().positions().size(),
                        shownName, imported.format().name().toLowerCase(Locale.ROOT),
                        imported.skippedRows().isEmpty() ? "" : ", " + imported.skippedRows().size() + " rows skipped");
            }
            return imported;
        } catch (NoSuchFileException e) {
            throw new BadInputException("portfolio file " + shownName + " not found");
        } catch (IOException e) {
            throw new BadInputException("cannot read portfolio file " + shownName + ": " + e.getMessage());
        }
    }

    private static List<String> importNotes(PortfolioImport imported) {
        List<String> notes = new ArrayList<>();
        imported.skippedRows().forEach(row -> notes.add(imported.source() + ": skipped " + row));
        notes.addAll(imported.notes());
        return notes;
    }


    static final class HorizonConverter implements picocli.CommandLine.ITypeConverter<Horizon> {
        @Override
        public Horizon convert(String value) {
            try {
                return Horizon.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Input the user can fix: exit code 2. */
    static final class BadInputException extends RuntimeException {
        BadInputException(String message) {
            super(message);
        }
    }
}
