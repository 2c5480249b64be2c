package com.marketopportunities.marketdata.yahoo.standin;

import com.marketopportunities.marketdata.yahoo.standin.DataFolder.Bar;
import com.marketopportunities.marketdata.yahoo.standin.DataFolder.FundamentalsRow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yahoo's v8 chart answers ({@code /v8/finance/chart/{symbol}?period1=&period2=&interval=1d}) built
 * from the data folder.
 *
 * <p>Range rule: a bar dated D is served when {@code period1 <= epoch(D 00:00 America/New_York) < period2}.
 * So {@code period1} = any instant of D-1 after New York midnight up to D 00:00 NY includes D, and
 * {@code period2} = D 00:00 UTC (D-1 19:00/20:00 NY) excludes D, as in the recordings
 * (2020-01-01..2020-01-03 UTC midnights give the single bar 2020-01-02). A missing period1 means
 * "from the first bar", a missing period2 "through the last".
 *
 * <p>Each bar's timestamp is its market open, 09:30 New York, in UTC seconds (14:30 UTC in winter,
 * 13:30 in summer), as Yahoo's daily bars are.
 */
final class ChartResponses {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DataFolder data;

    ChartResponses(DataFolder data) {
        this.data = data;
    }

    /** The answer to a chart request for {@code symbol} (cookie and rate limit already checked). */
    Reply answer(String symbol, Incoming request) {
        String interval = request.param("interval").orElse("1d");
        if (!interval.equals("1d")) {
            return error(400, "Bad Request", "Invalid input - interval=" + interval
                    + " is not served by the stand-in (daily bars only: interval=1d)");
        }
        long period1;
        long period2;
        try {
            period1 = request.param("period1").map(Long::parseLong).orElse(Long.MIN_VALUE);
            period2 = request.param("period2").map(Long::parseLong).orElse(Long.MAX_VALUE);
        } catch (NumberFormatException e) {
            return error(400, "Bad Request", "Invalid input - period1 and period2 must be epoch seconds");
        }
        Optional<List<Bar>> history = data.bars(symbol);
        if (history.isEmpty() || history.get().isEmpty()) {
            return notFound();
        }
        List<Bar> all = history.get();
        List<Bar> served = all.stream().filter(bar -> within(bar.date(), period1, period2)).toList();
        Bar previous = null;
        for (Bar bar : all) {
            if (midnight(bar.date()) < period1 && bar.close() != null) {
                previous = bar;
            }
        }
        ObjectNode result = NODES.objectNode();
        result.set("meta", meta(symbol, all, previous));
        ObjectNode indicators = NODES.objectNode();
        if (served.isEmpty()) {
            // Yahoo's answer for a range without bars: no timestamp, empty quote and adjclose objects.
            indicators.putArray("quote").addObject();
            indicators.putArray("adjclose").addObject();
        } else {
            ArrayNode timestamps = result.putArray("timestamp");
            served.forEach(bar -> timestamps.add(open(bar.date())));
            ObjectNode quote = indicators.putArray("quote").addObject();
            numbers(quote.putArray("close"), served, Bar::close);
            numbers(quote.putArray("low"), served, Bar::low);
            numbers(quote.putArray("open"), served, Bar::open);
            ArrayNode volume = quote.putArray("volume");
            served.forEach(bar -> {
                if (bar.volume() == null) {
                    volume.addNull();
                } else {
                    volume.add(bar.volume());
                }
            });
            numbers(quote.putArray("high"), served, Bar::high);
            numbers(indicators.putArray("adjclose").addObject().putArray("adjclose"), served, Bar::adjClose);
        }
        result.set("indicators", indicators);
        ObjectNode chart = NODES.objectNode();
        chart.putArray("result").add(result);
        chart.putNull("error");
        ObjectNode body = NODES.objectNode();
        body.set("chart", chart);
        return Reply.json(200, body);
    }

    /** HTTP 404 with Yahoo's chart error for a symbol it has no data for. */
    static Reply notFound() {
        return error(404, "Not Found", "No data found, symbol may be delisted");
    }

    static Reply error(int status, String code, String description) {
        ObjectNode body = NODES.objectNode();
        ObjectNode chart = body.putObject("chart");
        chart.putNull("result");
        ObjectNode error = chart.putObject("error");
        error.put("code", code);
        error.put("description", description);
        return Reply.json(status, body);
    }

    static boolean within(LocalDate date, long period1, long period2) {
        long start = midnight(date);
        return start >= period1 && start < period2;
    }

    static long midnight(LocalDate date) {
        return date.atStartOfDay(NEW_YORK).toEpochSecond();
    }

    static long open(LocalDate date) {
        return date.atTime(OPEN).atZone(NEW_YORK).toEpochSecond();
    }

    private ObjectNode meta(String symbol, List<Bar> all, Bar previous) {
        Optional<FundamentalsRow> row = data.fundamentals(symbol);
        boolean etf = row.map(FundamentalsRow::isEtf).orElse(false);
        // The latest bar with a close is the "current" quote; a trailing row of nulls is no trade.
        Bar last = all.get(all.size() - 1);
        for (Bar bar : all) {
            if (bar.close() != null) {
                last = bar;
            }
        }
        ZonedDateTime lastClose = last.date().atTime(CLOSE).atZone(NEW_YORK);
        boolean summerTime = NEW_YORK.getRules().isDaylightSavings(lastClose.toInstant());
        ObjectNode meta = NODES.objectNode();
        meta.put("currency", row.map(FundamentalsRow::currency).filter(c -> !c.isEmpty()).orElse("USD"));
        meta.put("symbol", symbol);
        // fundamentals.csv names no exchange: Nasdaq for stocks, NYSE Arca (where SPDRs list) for ETFs.
        meta.put("exchangeName", etf ? "PCX" : "NMS");
        meta.put("fullExchangeName", etf ? "NYSEArca" : "NasdaqGS");
        meta.put("instrumentType", row.map(FundamentalsRow::type).filter(type -> !type.isEmpty()).orElse("EQUITY"));
        meta.put("firstTradeDate", open(all.get(0).date()));
        meta.put("regularMarketTime", lastClose.toEpochSecond());
        meta.put("hasPrePostMarketData", false);
        meta.put("gmtoffset", lastClose.getOffset().getTotalSeconds());
        meta.put("timezone", summerTime ? "EDT" : "EST");
        meta.put("exchangeTimezoneName", NEW_YORK.getId());
        if (last.close() != null) {
            meta.put("regularMarketPrice", last.close());
        }
        row.map(FundamentalsRow::name).filter(name -> !name.isEmpty()).ifPresent(name -> {
            meta.put("longName", name);
            meta.put("shortName", name);
        });
        if (previous != null) {
            meta.put("chartPreviousClose", previous.close());
        }
        meta.put("priceHint", 2);
        meta.put("dataGranularity", "1d");
        meta.put("range", "");
        ArrayNode ranges = meta.putArray("validRanges");
        List.of("1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max").forEach(ranges::add);
        return meta;
    }

    private static void numbers(ArrayNode target, List<Bar> bars, Function<Bar, Double> field) {
        for (Bar bar : bars) {
            Double value = field.apply(bar);
            if (value == null) {
                target.addNull();
            } else {
                target.add(value.doubleValue());
            }
        }
    }
}
