package com.marketopportunities.api;

import com.marketopportunities.config.Settings;
import com.marketopportunities.portfolio.PortfolioFormat;
import com.marketopportunities.portfolio.PortfolioImport;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.PlanChoice;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.Horizon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.multipart.MultipartFile;

/** The opportunities of a portfolio sent in the request, or kept on the server for a user. */
@RestController
@RequestMapping("/api/bourse/opportunities")
class OpportunitiesController {

    private static final int MAX_NAME_LENGTH = 128;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ScanService scans;
    private final Settings settings;
    private final ServiceProperties properties;
    private final Clock clock;

    OpportunitiesController(ScanService scans, Settings settings, ServiceProperties properties, Clock clock) {
        this.scans = scans;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Scan a portfolio sent as JSON (the request body of DATA.md) or as a CSV file")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ScanReport scanBody(@ParameterObject Query query, HttpServletRequest request) throws IOException {
        PortfolioFormat format = request.getContentType() != null && request.getContentType().contains("json")
                ? PortfolioFormat.JSON : null;
        PushbackInputStream body = new PushbackInputStream(request.getInputStream());
        int first = body.read();
        if (first < 0) {
            throw new Problems.EmptyBodyException();
        }
        body.unread(first);
        return scan(read("request body", body, format), query);
    }

    @Operation(summary = "Scan a portfolio file uploaded as multipart/form-data (field 'file')")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ScanReport scanUpload(@ParameterObject Query query, @RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName()
                .toString();
        try (InputStream in = file.getInputStream()) {
            return scan(read(name, in, null), query);
        }
    }

    @Operation(summary = "Scan the newest portfolio file kept on the server for a user (or the file named file_key)")
    @GetMapping
    ScanReport scanKept(@ParameterObject Query query,
                        @Parameter(description = "whose portfolio folder") @RequestParam("user_id") String userId,
                        @RequestParam(name = "file_key", required = false) String fileKey,
                        HttpServletRequest request) throws IOException {
        Object user = request.getAttribute(AccessFilter.USER);
        boolean admin = Boolean.TRUE.equals(request.getAttribute(AccessFilter.ADMIN));
        if (user != null && !user.equals(userId) && !admin) {
            throw new Problems.ForbiddenException("Your API key may read only its own user's portfolios.");
        }
        plainName("user_id", userId);
        if (fileKey != null) {
            plainName("file_key", fileKey);
        }
        Path folder = properties.portfolioDir().resolve(userId);
        Path file = fileKey != null ? folder.resolve(fileKey) : newest(folder);
        if (file == null || !Files.isRegularFile(file)) {
            throw new Problems.NotFoundException("No portfolio " + (fileKey == null ? "file" : "'" + fileKey + "'")
                    + " for user '" + userId + "' on this server.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return scan(read(file.getFileName().toString(), in, null), query);
        }
    }

    private ScanReport scan(PortfolioImport imported, Query query) {
        List<String> notes = new ArrayList<>();
        imported.skippedRows().forEach(row -> notes.add(imported.source() + ": skipped " + row));
        notes.addAll(imported.notes());
        Horizon horizon;
        try {
            horizon = Horizon.parse(query.horizon());
        } catch (IllegalArgumentException e) {
            throw new Problems.BadParameterException("horizon", e.getMessage());
        }
        double minGap = query.minGapPct() == null ? settings.scan().defaultMinGapPct() : query.minGapPct();
        int top = query.top() == null ? settings.scan().defaultTopN() : query.top();
        ScanReport report = scans.scan(new ScanRequest(imported.portfolio(), horizon, minGap,
                query.asOf() == null ? LocalDate.now(clock) : query.asOf(), top, notes, query.baseCurrency(),
                PlanChoice.of(query.cash(), query.useTrims(), query.maxPositions(), query.minTicket(), query.minScore())),
                ScanListener.SILENT);
        // the access filter charges the caller's rate limit with what the scan cost upstream
        RequestContextHolder.currentRequestAttributes().setAttribute(AccessFilter.UPSTREAM_CALLS,
                report.stats().upstreamCalls(), RequestAttributes.SCOPE_REQUEST);
        return report;
    }

    /** A folder or file name that cannot leave the portfolio folder: its length first, then its letters. */
    private static void plainName(String parameter, String value) {
        if (value.length() > MAX_NAME_LENGTH) {
            throw new Problems.BadParameterException(parameter, parameter + " is " + value.length()
                    + " characters long; expected at most " + MAX_NAME_LENGTH + ".");
        }
        if (!SAFE_NAME.matcher(value).matches()) {
            throw new Problems.BadParameterException(parameter, parameter + " is a plain name: letters, digits, '.',"
                    + " '_' and '-', starting with a letter or a digit.");
        }
    }

    private static PortfolioImport read(String name, InputStream in, PortfolioFormat format) throws IOException {
        return new PortfolioReader().read(name, in, format);
    }

    private static Path newest(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(OpportunitiesController::modified))
                    .orElse(null);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * The scan's query parameters, bound once for every way in.
     *
     * @param horizon    short (1-3 months), medium (6-12 months, the default) or long (2-3 years)
     * @param minGapPct  smallest gap reported, percent points, 0-50 (default 5.0)
     * @param asOf       use prices up to this date (default today)
     * @param top        blue chips per gap besides its ETF, 0-20 (default 6)
     * @param baseCurrency the currency of every figure when the portfolio names none (default USD)
     */
    record Query(
            @Parameter(name = "horizon", description = "short (1-3 months), medium (6-12 months) or long (2-3 years)")
            @BindParam("horizon") String horizon,
            @Parameter(name = "min_gap_pct", description = "smallest gap reported, percent points, 0-50 (default 5.0)")
            @BindParam("min_gap_pct") Double minGapPct,
            @Parameter(name = "as_of", description = "use prices up to this date, YYYY-MM-DD (default today)")
            @BindParam("as_of") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(name = "top", description = "blue chips per gap besides its ETF, 0-20 (default 6)")
            @BindParam("top") Integer top,
            @Parameter(name = "base_currency", description = "currency of every figure when the portfolio names none"
                    + " (a Saxo export's account currency, JSON base_currency come first): an ISO 4217 code such as"
                    + " EUR (default USD)")
            @BindParam("base_currency") String baseCurrency,
            @Parameter(name = "cash", description = "the buy plan (PLAN.md): the amount to invest, in the base currency;"
                    + " the answer then has a 'plan'")
            @BindParam("cash") Double cash,
            @Parameter(name = "use_trims", description = "add what the suggested trims free to the amount (default false)")
            @BindParam("use_trims") Boolean useTrims,
            @Parameter(name = "max_positions", description = "at most this many purchases, 1-100 (default 5)")
            @BindParam("max_positions") Integer maxPositions,
            @Parameter(name = "min_ticket", description = "no purchase smaller, at most the amount (default 2 % of the"
                    + " amount, at least 100)")
            @BindParam("min_ticket") Double minTicket,
            @Parameter(name = "min_score", description = "buy nothing scored below this, 0-100 (default 50)")
            @BindParam("min_score") Double minScore) {
        Query {
            horizon = horizon == null || horizon.isBlank() ? "medium" : horizon;
            baseCurrency = baseCurrency == null || baseCurrency.isBlank() ? null : baseCurrency;
        }
    }
}
