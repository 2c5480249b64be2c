package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.marketdata.FundBreakdown;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Yahoo's response bodies: v8 chart (daily bars), v7 quote (fundamentals of many symbols)
 * and v10 quoteSummary (fundamentals, profile and a fund's holdings). Numbers may come raw or as {@code {"raw": 1.2, "fmt": "1.20"}} objects; both are read.
 */
final class YahooResponses {

    /** Where a fund's breakdown comes from, for the answer. */
    static final String FUND_SOURCE = "Yahoo topHoldings/fundProfile";

    private YahooResponses() {
    }

    /**
     * Daily bars of a chart body. Null bars are skipped; a bar's date is its timestamp in the
     * exchange's time zone.
     *
     * @throws NoDataException when the body carries Yahoo's error or no bar at all
     */
    static PriceHistory chart(String symbol, JsonNode body) {
        JsonNode chart = body.path("chart");
        JsonNode result = chart.path("result").path(0);
        if (result.isMissingNode() || result.isNull()) {
            throw new NoDataException(symbol, "no data for " + symbol + ": " + errorText(chart.path("error")));
        }
        ZoneId zone = zone(result.path("meta"));
        JsonNode timestamps = result.path("timestamp");
        JsonNode closes = result.path("indicators").path("quote").path(0).path("close");
        JsonNode adjusted = result.path("indicators").path("adjclose").path(0).path("adjclose");
        PriceHistory.Builder builder = new PriceHistory.Builder(symbol);
        for (int i = 0; i < timestamps.size(); i++) {
            builder.add(Instant.ofEpochSecond(timestamps.get(i).asLong()).atZone(zone).toLocalDate(),
                    number(closes.path(i)), number(adjusted.path(i)));
        }
        PriceHistory history = builder.build();
        if (history.isEmpty()) {
            throw new NoDataException(symbol, "no data for " + symbol + ": Yahoo returned no price in the range");
        }
        return history;
    }

    /**
     * Fundamentals of a quoteSummary body with the modules price, summaryDetail,
     * defaultKeyStatistics, assetProfile, topHoldings and fundProfile. {@code dividendYield} is the
     * fraction quoteSummary gives (an ETF's is under {@code yield}).
     *
     * <p>A stock's {@code country} is {@code assetProfile.country}; a fund (quoteType ETF or
     * MUTUALFUND) has none, but its {@link FundBreakdown}: {@code topHoldings.sectorWeightings} keyed
     * as Yahoo writes them ({@code technology}, {@code financial_services}), the positions as asset
     * classes ({@code stockPosition} Equity, {@code bondPosition} Fixed Income, {@code cashPosition}
     * Cash, {@code otherPosition} + {@code preferredPosition} + {@code convertiblePosition} Other),
     * {@code fundProfile.categoryName} as category. Zero or absent weights are left out; a fund of
     * which none of these is known has no breakdown ({@code null}).
     */
    static Fundamentals quoteSummary(String symbol, JsonNode body) {
        JsonNode summary = body.path("quoteSummary");
        JsonNode result = summary.path("result").path(0);
        if (result.isMissingNode() || result.isNull()) {
            throw new NoDataException(symbol, "no fundamentals for " + symbol + ": " + errorText(summary.path("error")));
        }
        JsonNode price = result.path("price");
        JsonNode detail = result.path("summaryDetail");
        JsonNode statistics = result.path("defaultKeyStatistics");
        JsonNode profile = result.path("assetProfile");
        String type = firstText(price.path("quoteType"), result.path("quoteType").path("quoteType"));
        boolean fund = Fundamentals.isFundType(type);
        return new Fundamentals(symbol,
                firstText(price.path("longName"), price.path("shortName")),
                type,
                firstText(profile.path("sector"), profile.path("sectorKey")),
                firstText(price.path("currency"), detail.path("currency")),
                number(detail.path("trailingPE")),
                firstNumber(detail.path("forwardPE"), statistics.path("forwardPE")),
                firstNumber(statistics.path("pegRatio"), statistics.path("trailingPegRatio")),
                firstNumber(detail.path("dividendYield"), detail.path("yield")),
                fund ? null : text(profile.path("country")),
                fund ? fundBreakdown(result.path("topHoldings"), result.path("fundProfile")) : null);
    }

    /**
     * The fundamentals of a v7 quote body ({@code quoteResponse.result[]}), by symbol as Yahoo echoes
     * it: {@code longName} (else {@code shortName}), {@code quoteType}, {@code currency},
     * {@code trailingPE}, {@code forwardPE}. The unit quirk: {@code dividendYield} is in PERCENT here
     * (0.41 means 0.41 %), so it is divided by 100 into the fraction that quoteSummary's
     * {@code summaryDetail.dividendYield} (and its {@code yield} for a fund) gives; the
     * {@code trailingAnnualDividendYield} beside it, already a fraction, is another measure (the past
     * year's) and is not used. A quote has no sector, country or fund breakdown: those come from a
     * profile.
     *
     * @throws MarketDataUnavailableException when the body carries Yahoo's error instead of a result
     */
    static Map<String, Fundamentals> quotes(JsonNode body, String what) {
        JsonNode response = body.path("quoteResponse");
        JsonNode results = response.path("result");
        if (!results.isArray()) {
            throw new MarketDataUnavailableException(what + ": Yahoo Finance answered no quotes ("
                    + errorText(response.path("error").isMissingNode() ? body.path("finance").path("error")
                    : response.path("error")) + ")");
        }
        Map<String, Fundamentals> quotes = new LinkedHashMap<>();
        for (JsonNode quote : results) {
            String symbol = text(quote.path("symbol"));
            if (symbol == null) {
                continue;
            }
            Double percent = number(quote.path("dividendYield"));
            quotes.put(symbol.toUpperCase(Locale.ROOT), new Fundamentals(symbol,
                    firstText(quote.path("longName"), quote.path("shortName")),
                    text(quote.path("quoteType")),
                    null,
                    text(quote.path("currency")),
                    number(quote.path("trailingPE")),
                    number(quote.path("forwardPE")),
                    firstNumber(quote.path("pegRatio"), quote.path("trailingPegRatio")),
                    percent == null ? null : fromPercent(percent)));
        }
        return quotes;
    }

    /**
     * A percentage as a fraction, shifted in decimal (0.41 -> 0.0041, not 0.0040999999999999995), so
     * that it equals the fraction quoteSummary writes for the same yield.
     */
    static double fromPercent(double percent) {
        return java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }

    /** The breakdown of a fund's topHoldings and fundProfile, or {@code null} when they say nothing. */
    private static FundBreakdown fundBreakdown(JsonNode holdings, JsonNode fundProfile) {
        Map<String, Double> sectors = new LinkedHashMap<>();
        for (JsonNode weighting : holdings.path("sectorWeightings")) {
            // a list of one-key objects: [{"realestate": 0.002}, {"technology": 0.5083}, ...]
            for (Map.Entry<String, JsonNode> sector : weighting.properties()) {
                putWeight(sectors, sector.getKey(), number(sector.getValue()));
            }
        }
        Map<String, Double> assetClasses = new LinkedHashMap<>();
        putWeight(assetClasses, "Equity", number(holdings.path("stockPosition")));
        putWeight(assetClasses, "Fixed Income", number(holdings.path("bondPosition")));
        putWeight(assetClasses, "Cash", number(holdings.path("cashPosition")));
        putWeight(assetClasses, "Other", sum(number(holdings.path("otherPosition")),
                number(holdings.path("preferredPosition")), number(holdings.path("convertiblePosition"))));
        FundBreakdown breakdown = new FundBreakdown(sectors, Map.of(), assetClasses,
                text(fundProfile.path("categoryName")), null, FUND_SOURCE);
        return breakdown.isEmpty() ? null : breakdown;
    }

    private static void putWeight(Map<String, Double> weights, String bucket, Double weight) {
        if (weight != null && weight != 0.0) {
            weights.merge(bucket, weight, Double::sum);
        }
    }

    /** The sum of the numbers present, {@code null} when none is. */
    private static Double sum(Double... weights) {
        Double total = null;
        for (Double weight : weights) {
            if (weight != null) {
                total = total == null ? weight : total + weight;
            }
        }
        return total;
    }

    /** A raw number or a {@code {raw, fmt}} object; {@code null} for anything else (absent, null, {}). */
    static Double number(JsonNode node) {
        JsonNode value = node.isObject() ? node.path("raw") : node;
        return value.isNumber() ? value.asDouble() : null;
    }

    private static Double firstNumber(JsonNode first, JsonNode second) {
        Double value = number(first);
        return value != null ? value : number(second);
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String text = text(first);
        return text != null ? text : text(second);
    }

    /** A non-blank string; {@code null} for anything else. */
    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static ZoneId zone(JsonNode meta) {
        try {
            if (meta.path("exchangeTimezoneName").isString()) {
                return ZoneId.of(meta.path("exchangeTimezoneName").asString());
            }
        } catch (DateTimeException unknownZone) {
            // fall back to the fixed offset below
        }
        return ZoneOffset.ofTotalSeconds(meta.path("gmtoffset").asInt(0));
    }

    static String errorText(JsonNode error) {
        String description = error.path("description").asString("");
        String code = error.path("code").asString("");
        if (description.isBlank()) {
            return code.isBlank() ? "no result" : code;
        }
        return description;
    }
}
