package com.marketopportunities.config;

import com.marketopportunities.exposure.AssetClass;
import com.marketopportunities.exposure.Countries;
import com.marketopportunities.exposure.ExposureTables;
import com.marketopportunities.marketdata.FundBreakdown;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the exposure tables (EXPOSURE.md 2): the known funds, the fund categories and the
 * countries, each built in ({@code src/main/resources/exposure/}) or a user's own CSV file of
 * the same columns. Lines starting with {@code #} are comments. An error names the file, the
 * line and what was expected.
 */
public final class ExposureFiles {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    private static final Set<String> REGIONS = Set.of("North America", "Europe", "Japan", "Asia Pacific",
            "Emerging Markets");
    private static final Set<String> EXPOSURES = Set.of("sector", "region", "asset_class", "category");

    private ExposureFiles() {
    }

    /** The tables, each from its file or, for a {@code null} path, built in. */
    public static ExposureTables tables(Path knownFunds, Path fundCategories, Path countries) {
        return new ExposureTables(knownFunds(open(knownFunds, "known-funds.csv")),
                fundCategories(open(fundCategories, "fund-categories.csv")), countries(open(countries, "countries.csv")));
    }

    public static ExposureTables builtIn() {
        return tables(null, null, null);
    }

    private static Map<String, FundBreakdown> knownFunds(Table table) {
        Map<String, FundBreakdown.Builder> funds = new LinkedHashMap<>();
        for (CSVRecord row : table.rows("symbol", "exposure", "bucket", "weight", "as_of", "source")) {
            String symbol = table.text(row, "symbol").toUpperCase(Locale.ROOT);
            String exposure = table.text(row, "exposure");
            if (!EXPOSURES.contains(exposure)) {
                throw table.error(row, "exposure", "'" + exposure + "' is not one of " + EXPOSURES);
            }
            String bucket = table.text(row, "bucket");
            if (exposure.equals("region") && !REGIONS.contains(bucket)) {
                throw table.error(row, "bucket", "'" + bucket + "' is not a region (" + String.join(", ", REGIONS) + ")");
            }
            if (exposure.equals("asset_class") && AssetClass.labelled(bucket).isEmpty()) {
                throw table.error(row, "bucket", "'" + bucket + "' is not an asset class ("
                        + String.join(", ", Arrays.stream(AssetClass.values()).map(AssetClass::label).toList()) + ")");
            }
            funds.computeIfAbsent(symbol, key -> new FundBreakdown.Builder()).add(exposure, bucket,
                    exposure.equals("category") ? null : table.weight(row), blankAsNull(table.text(row, "as_of")),
                    blankAsNull(table.text(row, "source")));
        }
        Map<String, FundBreakdown> breakdowns = new LinkedHashMap<>();
        funds.forEach((symbol, rows) -> breakdowns.put(symbol, rows.build("known-fund table")));
        return breakdowns;
    }

    private static Map<String, Map<String, Double>> fundCategories(Table table) {
        Map<String, Map<String, Double>> categories = new LinkedHashMap<>();
        for (CSVRecord row : table.rows("category", "region", "weight", "as_of", "source")) {
            String region = table.text(row, "region");
            if (!REGIONS.contains(region)) {
                throw table.error(row, "region", "'" + region + "' is not a region (" + String.join(", ", REGIONS) + ")");
            }
            categories.computeIfAbsent(table.text(row, "category"), key -> new LinkedHashMap<>())
                    .put(region, table.weight(row));
        }
        return categories;
    }

    private static Countries countries(Table table) {
        List<Countries.Country> countries = new ArrayList<>();
        for (CSVRecord row : table.rows("country", "iso", "region", "listings", "aliases")) {
            String region = table.text(row, "region");
            if (!REGIONS.contains(region)) {
                throw table.error(row, "region", "'" + region + "' is not a region (" + String.join(", ", REGIONS) + ")");
            }
            String iso = table.text(row, "iso");
            if (!iso.matches("[A-Za-z]{2}")) {
                throw table.error(row, "iso", "'" + iso + "' is not a two-letter ISO 3166 code");
            }
            countries.add(new Countries.Country(table.text(row, "country"), iso, region,
                    list(table.text(row, "listings")), list(table.text(row, "aliases"))));
        }
        return new Countries(countries);
    }

    private static String blankAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\|")).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }

    private static Table open(Path file, String builtIn) {
        try {
            if (file == null) {
                InputStream in = ExposureFiles.class.getResourceAsStream("/exposure/" + builtIn);
                if (in == null) {
                    throw new IllegalStateException("the built-in exposure/" + builtIn + " is missing");
                }
                return Table.read(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in exposure/" + builtIn);
            }
            return Table.read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot read " + (file == null ? builtIn : file) + ": " + e.getMessage());
        }
    }

    /** A CSV table read whole, with errors that name its source, line and column. */
    private record Table(List<CSVRecord> records, Map<CSVRecord, Long> lines, List<String> header, String source) {

        static Table read(Reader reader, String source) throws IOException {
            try (reader) {
                var parser = FORMAT.parse(reader);
                List<CSVRecord> records = new ArrayList<>();
                Map<CSVRecord, Long> lines = new java.util.HashMap<>();
                for (CSVRecord record : parser) {
                    records.add(record);
                    lines.put(record, parser.getCurrentLineNumber());
                }
                return new Table(records, lines, parser.getHeaderNames(), source);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new InvalidSettingsException(source + ": not a readable CSV table: " + e.getMessage());
            }
        }

        List<CSVRecord> rows(String... columns) {
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new InvalidSettingsException(source + ": no '" + column + "' column; expected the columns "
                            + String.join(",", columns) + ", found " + String.join(",", header));
                }
            }
            return records;
        }

        String text(CSVRecord row, String column) {
            return row.isSet(column) ? row.get(column).trim() : "";
        }

        double weight(CSVRecord row) {
            String text = text(row, "weight");
            try {
                double weight = Double.parseDouble(text);
                if (weight >= 0 && weight <= 1) {
                    return weight;
                }
            } catch (NumberFormatException notANumber) {
                // told below
            }
            throw error(row, "weight", "'" + text + "' is not a fraction between 0 and 1");
        }

        InvalidSettingsException error(CSVRecord row, String column, String message) {
            return new InvalidSettingsException(source + ", line " + lines.get(row)
                    + ", column '" + column + "': " + message);
        }
    }
}
