package com.marketopportunities.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small market-data folder in the CSV provider's formats: weekday bars whose closes
 * follow {@code start * (1 + drift)^i} with a fixed zig-zag, so every symbol has a known trend
 * and volatility.
 */
public final class MarketDataFolder {

    private final Path dir;
    private final List<String> fundamentals = new ArrayList<>();

    public MarketDataFolder(Path dir) {
        this.dir = dir;
        fundamentals.add("symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country");
    }

    /** Weekday bars from {@code from} to {@code to}; close = start * (1+drift)^i * (1 +/- wiggle). */
    public MarketDataFolder prices(String symbol, LocalDate from, LocalDate to, double start, double drift,
                                   double wiggle) throws IOException {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        int i = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double close = start * Math.pow(1 + drift, i) * (1 + (i % 2 == 0 ? wiggle : -wiggle));
            csv.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,1000%n", day, close, close, close,
                    close, close));
            i++;
        }
        Files.writeString(dir.resolve(symbol + ".csv"), csv);
        return this;
    }

    /** A row of fundamentals.csv; a stock is a United States company, a fund has no country. */
    public MarketDataFolder fundamentals(String symbol, String type, String sector, String trailingPe,
                                         String dividendYield) {
        return fundamentals(symbol, type, sector, trailingPe, dividendYield,
                type.equals("EQUITY") ? "United States" : "");
    }

    public MarketDataFolder fundamentals(String symbol, String type, String sector, String trailingPe,
                                         String dividendYield, String country) {
        fundamentals.add(String.join(",", symbol, symbol + " Inc", type, sector, "USD", trailingPe, "", "",
                dividendYield, "2025-01-01", country));
        return this;
    }

    public Path write() throws IOException {
        Files.write(dir.resolve("fundamentals.csv"), fundamentals);
        return dir;
    }
}
