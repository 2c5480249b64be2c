package com.marketopportunities.marketdata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Offline market data from a folder: {@code {dir}/{SYMBOL}.csv} (or {@code {dir}/ohlcv/{SYMBOL}.csv})
 * in Yahoo's download format {@code Date,Open,High,Low,Close,Adj Close,Volume},
 * {@code {dir}/fundamentals.csv} with
 * {@code symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country}
 * (yield as a fraction; {@code country} as Yahoo writes it, and optional, so that older files still
 * read), and {@code {dir}/funds.csv} (optional) with a fund's breakdown in long format
 * {@code symbol,exposure,bucket,weight,as_of,source}.
 *
 * <p>funds.csv: {@code exposure} is {@code sector} (GICS names), {@code region},
 * {@code asset_class} or {@code category} (the bucket is the category's name, the weight 1 and
 * not read). A symbol's rows make its {@link Fundamentals#fund()}: weights as written (a bucket
 * written twice counts the sum), the category of its first category row, {@code asOf} its first
 * non-empty {@code as_of}, {@code source} "funds.csv: " and its first non-empty {@code source}. A
 * symbol with rows in funds.csv has fundamentals even without a fundamentals.csv row: type "ETF"
 * and its breakdown, nothing else. A fund (type ETF or MUTUALFUND) never has a {@code country}:
 * where a fund is domiciled says nothing of what it holds.
 *
 * <p>Each file is parsed once per instance and kept; files are parsed on a small pool of daemon
 * threads (one per core), so a scan that asks for everything first parses in parallel. A symbol
 * without a price file, or without a row in either fundamentals file, is a {@link NoDataException};
 * an unreadable file, a number that is not one or an unknown {@code exposure} is a
 * {@link MarketDataUnavailableException} naming the file, line and column.
 */
public final class CsvFolderMarketData implements MarketData {

    private static final Pattern SAFE_SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-=^_]{0,31}");
    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    private static final Executor PARSERS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "csv-market-data");
                thread.setDaemon(true);
                return thread;
            });

    private final Path dir;
    private final Map<String, PriceHistory> histories;
    /** The fundamentals table, read once under the key "table" (a map so that views share it). */
    private final Map<String, Map<String, Fundamentals>> fundamentals;
    private final FetchObserver observer;

    public CsvFolderMarketData(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("market data folder " + dir + " does not exist or is not a folder");
        }
        this.dir = dir;
        this.histories = new ConcurrentHashMap<>();
        this.fundamentals = new ConcurrentHashMap<>();
        this.observer = FetchObserver.NONE;
    }

    private CsvFolderMarketData(CsvFolderMarketData shared, FetchObserver observer) {
        this.dir = shared.dir;
        this.histories = shared.histories;
        this.fundamentals = shared.fundamentals;
        this.observer = observer;
    }

    @Override
    public MarketData observedBy(FetchObserver newObserver) {
        return new CsvFolderMarketData(this, newObserver);
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        observer.upstreamCall();
        return CompletableFuture.supplyAsync(() -> {
            PriceHistory all = histories.computeIfAbsent(symbol.toUpperCase(Locale.ROOT), this::readHistory);
            PriceHistory range = new PriceHistory(all.symbol(), all.between(from, to));
            if (range.isEmpty()) {
                throw new NoDataException(symbol, "no price data for " + symbol + " between " + from + " and " + to);
            }
            return range;
        }, PARSERS);
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        observer.upstreamCall();
        try {
            Fundamentals found = fundamentalsTable().get(symbol.toUpperCase(Locale.ROOT));
            if (found == null) {
                throw new NoDataException(symbol, "no fundamentals for " + symbol + " in fundamentals.csv or funds.csv");
            }
            return CompletableFuture.completedFuture(found);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String describe() {
        return "CSV folder " + dir;
    }

    private PriceHistory readHistory(String symbol) {
        if (!SAFE_SYMBOL.matcher(symbol).matches()) {
            throw new NoDataException(symbol, "no data for " + symbol + ": not a valid symbol");
        }
        Path file = priceFile(symbol);
        if (file == null) {
            // the folder itself is named once by describe(): reasons stay the same wherever it lives
            throw new NoDataException(symbol, "no data for " + symbol + ": no price file " + symbol + ".csv");
        }
        PriceHistory.Builder builder = new PriceHistory.Builder(symbol);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : WITH_HEADER.parse(reader)) {
                builder.add(parseDate(file, row), number(file, row, "Close"),
                        row.isMapped("Adj Close") ? number(file, row, "Adj Close") : null);
            }
        } catch (IOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
        return builder.build();
    }

    private Path priceFile(String symbol) {
        for (Path candidate : new Path[] {dir.resolve(symbol + ".csv"), dir.resolve("ohlcv").resolve(symbol + ".csv")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Map<String, Fundamentals> fundamentalsTable() {
        return fundamentals.computeIfAbsent("table", key -> readFundamentals());
    }

    /** fundamentals.csv and funds.csv, joined by symbol (upper case). */
    private Map<String, Fundamentals> readFundamentals() {
        Map<String, Fundamentals> table = readFundamentalsFile(dir.resolve("fundamentals.csv"));
        readFunds(dir.resolve("funds.csv")).forEach((symbol, fund) -> table.merge(symbol,
                new Fundamentals(symbol, null, "ETF", null, null, null, null, null, null, null, fund),
                (row, onlyFund) -> new Fundamentals(row.symbol(), row.name(), row.instrumentType(), row.sector(),
                        row.currency(), row.trailingPe(), row.forwardPe(), row.pegRatio(), row.dividendYield(),
                        row.country(), fund)));
        return table;
    }

    private static Map<String, Fundamentals> readFundamentalsFile(Path file) {
        Map<String, Fundamentals> table = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return table;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : WITH_HEADER.parse(reader)) {
                String symbol = text(row, "symbol");
                if (symbol == null) {
                    continue;
                }
                String type = text(row, "type");
                table.put(symbol.toUpperCase(Locale.ROOT), new Fundamentals(symbol.toUpperCase(Locale.ROOT),
                        text(row, "name"), type, text(row, "sector"), text(row, "currency"),
                        number(file, row, "trailing_pe"), number(file, row, "forward_pe"),
                        number(file, row, "peg_ratio"), number(file, row, "dividend_yield"),
                        Fundamentals.isFundType(type) ? null : text(row, "country"), null));
            }
        } catch (IOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
        return table;
    }

    /** funds.csv's breakdowns by symbol (upper case); none when there is no such file. */
    private static Map<String, FundBreakdown> readFunds(Path file) {
        Map<String, FundBreakdown.Builder> funds = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : WITH_HEADER.parse(reader)) {
                String symbol = text(row, "symbol");
                if (symbol == null) {
                    continue;
                }
                FundExposure exposure = FundExposure.of(file, row);
                String bucket = text(row, "bucket");
                if (bucket == null) {
                    throw new MarketDataUnavailableException(at(file, row, "bucket") + " is empty: expected "
                            + (exposure == FundExposure.CATEGORY ? "the category's name" : "a " + exposure.word + " name"));
                }
                Double weight = number(file, row, "weight");
                if (weight == null && exposure != FundExposure.CATEGORY) {
                    throw new MarketDataUnavailableException(at(file, row, "weight")
                            + " is empty: expected the weight as a fraction (0.25 = 25 %)");
                }
                funds.computeIfAbsent(symbol.toUpperCase(Locale.ROOT), key -> new FundBreakdown.Builder())
                        .add(exposure.word, bucket, weight, text(row, "as_of"), text(row, "source"));
            }
        } catch (IOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MarketDataUnavailableException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
        Map<String, FundBreakdown> breakdowns = new LinkedHashMap<>();
        funds.forEach((symbol, rows) -> breakdowns.put(symbol, rows.build("funds.csv")));
        return breakdowns;
    }

    /** The dimensions of funds.csv's {@code exposure} column. */
    private enum FundExposure {
        SECTOR("sector"), REGION("region"), ASSET_CLASS("asset_class"), CATEGORY("category");

        private final String word;

        FundExposure(String word) {
            this.word = word;
        }

        static FundExposure of(Path file, CSVRecord row) {
            String value = text(row, "exposure");
            for (FundExposure exposure : values()) {
                if (exposure.word.equalsIgnoreCase(value)) {
                    return exposure;
                }
            }
            throw new MarketDataUnavailableException(at(file, row, "exposure") + ": '" + (value == null ? "" : value)
                    + "' is not an exposure (expected sector, region, asset_class or category)");
        }
    }

    private static String text(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate parseDate(Path file, CSVRecord row) {
        String value = text(row, "Date");
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MarketDataUnavailableException(at(file, row, "Date") + ": '" + value
                    + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    /**
     * A number, or {@code null} for an empty cell, Yahoo's {@code null}, or a value that is not
     * finite: a P/E written {@code Infinity} (earnings of zero) has no meaning, and Yahoo leaves
     * such a field out.
     */
    private static Double number(Path file, CSVRecord row, String column) {
        String value = text(row, column);
        if (value == null || value.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            throw new MarketDataUnavailableException(at(file, row, column) + ": '" + value + "' is not a number");
        }
    }

    /** Where a cell is, as the messages name it: the header is line 1. */
    private static String at(Path file, CSVRecord row, String column) {
        return file + ", line " + (row.getRecordNumber() + 1) + ", column '" + column + "'";
    }
}
