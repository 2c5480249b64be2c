package com.marketopportunities.marketdata.yahoo.standin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV market-data folder the stand-in serves: {@code {dir}/ohlcv/{SYMBOL}.csv} or
 * {@code {dir}/{SYMBOL}.csv} ({@code Date,Open,High,Low,Close,Adj Close,Volume}; "null" or empty
 * cells are missing values), {@code {dir}/fundamentals.csv} and {@code {dir}/funds.csv} (a fund's
 * weights, long format {@code symbol,exposure,bucket,weight,as_of,source}).
 *
 * <p>Read at run time, never copied: fundamentals and funds when the stand-in starts, each price file on its
 * first request (then kept). Safe for concurrent use. A file that cannot be parsed is an
 * {@link IllegalStateException} naming file and line, which the stand-in answers with HTTP 500.
 */
final class DataFolder {

    /** Symbols that can name a file: no path separators, no "..". */
    private static final Pattern SAFE_SYMBOL = Pattern.compile("[A-Z0-9^][A-Z0-9.\\-=^_]{0,31}");
    /** How much of a price file's end {@link #lastClose(String)} reads: a few dozen rows. */
    private static final int TAIL_BYTES = 4096;
    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    /** One daily row; a null field is a missing value ("null" in Yahoo's download format). */
    record Bar(LocalDate date, Double open, Double high, Double low, Double close, Double adjClose, Long volume) {
    }

    /**
     * One row of fundamentals.csv; "" where a text cell is empty or its column absent (country in
     * older files), null where a number is. P/E and PEG are ratios, the yield a fraction.
     */
    record FundamentalsRow(String symbol, String name, String type, String sector, String currency,
            Double trailingPe, Double forwardPe, Double pegRatio, Double dividendYield, String country) {

        boolean isEtf() {
            return "ETF".equals(type);
        }
    }

    private final Path dir;
    /** One row of funds.csv: exposure (sector, region, asset_class, category), bucket and weight (null if empty). */
    record FundRow(String exposure, String bucket, Double weight) {
    }

    private final Map<String, FundamentalsRow> fundamentals;
    private final Map<String, List<FundRow>> funds;
    private final Map<String, Optional<List<Bar>>> histories = new ConcurrentHashMap<>();

    DataFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("market data folder " + dir + " does not exist or is not a folder");
        }
        this.dir = dir;
        this.fundamentals = readFundamentals(dir.resolve("fundamentals.csv"));
        this.funds = readFunds(dir.resolve("funds.csv"));
    }

    /** The symbol's daily rows in date order, or empty when the folder has no price file for it. */
    Optional<List<Bar>> bars(String symbol) {
        String upper = symbol.toUpperCase(Locale.ROOT);
        if (!SAFE_SYMBOL.matcher(upper).matches()) {
            return Optional.empty();
        }
        return histories.computeIfAbsent(upper, this::readBars);
    }

    /**
     * The symbol's latest bar with a close, or empty when it has no price file or no close. Read from
     * the last few kilobytes of the file (price files are in date order, as Yahoo's downloads) unless
     * the whole history is already read: a quote of a hundred symbols needs their last closes, not
     * megabytes of history.
     */
    Optional<Bar> lastClose(String symbol) {
        String upper = symbol.toUpperCase(Locale.ROOT);
        Optional<List<Bar>> known = histories.get(upper);
        if (known != null) {
            return known.flatMap(DataFolder::lastWithClose);
        }
        Optional<Path> file = priceFile(upper);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Bar> fromTail = lastWithClose(tailBars(file.get()));
            if (fromTail.isPresent()) {
                return fromTail;
            }
        } catch (IllegalStateException unreadableTail) {
            // the full read below names the file and line
        }
        return bars(upper).flatMap(DataFolder::lastWithClose);
    }

    /** Whether the folder has a price file for the symbol (its rows unread). */
    boolean hasPrices(String symbol) {
        return priceFile(symbol.toUpperCase(Locale.ROOT)).isPresent();
    }

    /**
     * The symbol's fundamentals row; for a symbol only in funds.csv, an ETF row with nothing else (as
     * the CSV folder provider reads it); empty when neither file has the symbol.
     */
    Optional<FundamentalsRow> fundamentals(String symbol) {
        String upper = symbol.toUpperCase(Locale.ROOT);
        FundamentalsRow row = fundamentals.get(upper);
        if (row == null && funds.containsKey(upper)) {
            row = new FundamentalsRow(upper, "", "ETF", "", "", null, null, null, null, "");
        }
        return Optional.ofNullable(row);
    }

    /** The symbol's rows of funds.csv in file order, none when it has none. */
    List<FundRow> fundRows(String symbol) {
        return funds.getOrDefault(symbol.toUpperCase(Locale.ROOT), List.of());
    }

    /** {@code ohlcv/{SYMBOL}.csv}, else {@code {SYMBOL}.csv}, of an upper-cased symbol that can name a file. */
    private Optional<Path> priceFile(String upper) {
        if (!SAFE_SYMBOL.matcher(upper).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve("ohlcv").resolve(upper + ".csv");
        if (!Files.isRegularFile(file)) {
            file = dir.resolve(upper + ".csv");
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Optional<List<Bar>> readBars(String symbol) {
        Optional<Path> file = priceFile(symbol);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            return Optional.of(parseBars(file.get(), reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get(), e);
        }
    }

    /** The rows of the file's last {@link #TAIL_BYTES} bytes (all rows of a smaller file), in date order. */
    private static List<Bar> tailBars(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            String header;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                header = Objects.requireNonNullElse(reader.readLine(), "");
            }
            long start = Math.max(0, size - TAIL_BYTES);
            byte[] tail = new byte[(int) (size - start)];
            in.seek(start);
            in.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            if (start > 0) {
                // from the first whole row on, under the file's header
                text = header + "\n" + text.substring(text.indexOf('\n') + 1);
            }
            return parseBars(file, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<Bar> lastWithClose(List<Bar> bars) {
        for (int i = bars.size() - 1; i >= 0; i--) {
            if (bars.get(i).close() != null) {
                return Optional.of(bars.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<Bar> parseBars(Path file, Reader reader) throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (CSVRecord row : WITH_HEADER.parse(reader)) {
            try {
                Double volume = number(row, "Volume");
                bars.add(new Bar(LocalDate.parse(row.get("Date")), number(row, "Open"), number(row, "High"),
                        number(row, "Low"), number(row, "Close"), number(row, "Adj Close"),
                        volume == null ? null : Math.round(volume)));
            } catch (RuntimeException bad) {
                throw new IllegalStateException(file + " line " + (row.getRecordNumber() + 1) + ": " + bad.getMessage(), bad);
            }
        }
        bars.sort(Comparator.comparing(Bar::date));
        return List.copyOf(bars);
    }

    private static Map<String, FundamentalsRow> readFundamentals(Path file) {
        Map<String, FundamentalsRow> rows = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : WITH_HEADER.parse(reader)) {
                try {
                    String symbol = text(row, "symbol").toUpperCase(Locale.ROOT);
                    rows.put(symbol, new FundamentalsRow(symbol, text(row, "name"),
                            text(row, "type").toUpperCase(Locale.ROOT), text(row, "sector"), text(row, "currency"),
                            number(row, "trailing_pe"), number(row, "forward_pe"), number(row, "peg_ratio"),
                            number(row, "dividend_yield"), text(row, "country")));
                } catch (RuntimeException bad) {
                    throw new IllegalStateException(file + " line " + (row.getRecordNumber() + 1) + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Map.copyOf(rows);
    }

    private static Map<String, List<FundRow>> readFunds(Path file) {
        Map<String, List<FundRow>> rows = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : WITH_HEADER.parse(reader)) {
                try {
                    rows.computeIfAbsent(text(row, "symbol").toUpperCase(Locale.ROOT), symbol -> new ArrayList<>())
                            .add(new FundRow(text(row, "exposure").toLowerCase(Locale.ROOT), text(row, "bucket"),
                                    number(row, "weight")));
                } catch (RuntimeException bad) {
                    throw new IllegalStateException(file + " line " + (row.getRecordNumber() + 1) + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, List<FundRow>> copies = new HashMap<>();
        rows.forEach((symbol, fundRows) -> copies.put(symbol, List.copyOf(fundRows)));
        return Map.copyOf(copies);
    }

    /** The cell's text, "" when the column or the value is absent. */
    private static String text(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).trim() : "";
    }

    /** The cell as a number, null when absent, empty, "null" or not finite (Yahoo leaves such a field out). */
    private static Double number(CSVRecord row, String column) {
        String cell = text(row, column);
        if (cell.isEmpty() || cell.equalsIgnoreCase("null")) {
            return null;
        }
        double value = Double.parseDouble(cell);
        return Double.isFinite(value) ? value : null;
    }
}
