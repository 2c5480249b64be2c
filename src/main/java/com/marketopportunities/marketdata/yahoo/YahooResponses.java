package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * Reads Yahoo's response bodies: v8 chart (daily bars) and v10 quoteSummary (fundamentals and
 * profile). Numbers may come raw or as {@code {"raw": 1.2, "fmt": "1.20"}} objects; both are read.
 */
final class YahooResponses {

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
     * defaultKeyStatistics and assetProfile. {@code dividendYield} is the fraction quoteSummary
     * gives (an ETF's is under {@code yield}).
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
        return new Fundamentals(symbol,
                firstText(price.path("longName"), price.path("shortName")),
                firstText(price.path("quoteType"), result.path("quoteType").path("quoteType")),
                firstText(profile.path("sector"), profile.path("sectorKey")),
                firstText(price.path("currency"), detail.path("currency")),
                number(detail.path("trailingPE")),
                firstNumber(detail.path("forwardPE"), statistics.path("forwardPE")),
                firstNumber(statistics.path("pegRatio"), statistics.path("trailingPegRatio")),
                firstNumber(detail.path("dividendYield"), detail.path("yield")));
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
        for (JsonNode node : new JsonNode[] {first, second}) {
            if (node.isString() && !node.asString().isBlank()) {
                return node.asString();
            }
        }
        return null;
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
