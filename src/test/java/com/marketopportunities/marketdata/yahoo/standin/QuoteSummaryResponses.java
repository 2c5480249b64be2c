package com.marketopportunities.marketdata.yahoo.standin;

import com.marketopportunities.marketdata.yahoo.standin.DataFolder.FundamentalsRow;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yahoo's v10 quoteSummary answers for the modules price, summaryDetail, defaultKeyStatistics and
 * assetProfile, built from fundamentals.csv.
 *
 * <p>Only the requested modules are answered; none of them known (or a symbol without a
 * fundamentals row) is Yahoo's 404 "No fundamentals data found for any of the summaryTypes=...".
 * Numbers are raw unless the request says {@code formatted=true}: then each is Yahoo's
 * {@code {"raw": x, "fmt": "..."}} and a value the row lacks is {@code {}}; in raw mode it is left
 * out, as the 2025 recordings leave out {@code pegRatio}.
 *
 * <p>As in the recordings, a stock carries {@code dividendYield} and a sector; an ETF carries
 * {@code yield} instead of {@code dividendYield} (QQQ) and an assetProfile without sector.
 */
final class QuoteSummaryResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SERVED_MODULES = Set.of("price", "summaryDetail", "defaultKeyStatistics", "assetProfile");

    private final DataFolder data;

    QuoteSummaryResponses(DataFolder data) {
        this.data = data;
    }

    /** The answer to a quoteSummary request for {@code symbol} (cookie, crumb and rate limit already checked). */
    Reply answer(String symbol, Incoming request) {
        Optional<String> modulesParameter = request.param("modules").filter(modules -> !modules.isBlank());
        if (modulesParameter.isEmpty()) {
            return error(400, "Bad Request", "Missing value for the \"modules\" argument");
        }
        Set<String> modules = new LinkedHashSet<>();
        Arrays.stream(modulesParameter.get().split(",")).map(String::trim).filter(SERVED_MODULES::contains)
                .forEach(modules::add);
        Optional<FundamentalsRow> row = data.fundamentals(symbol);
        if (row.isEmpty() || modules.isEmpty()) {
            return notFound(modulesParameter.get());
        }
        Numbers numbers = new Numbers(request.param("formatted").map("true"::equalsIgnoreCase).orElse(false));
        ObjectNode result = NODES.objectNode();
        for (String module : modules) {
            result.set(module, switch (module) {
                case "price" -> price(row.get());
                case "summaryDetail" -> summaryDetail(row.get(), numbers);
                case "defaultKeyStatistics" -> defaultKeyStatistics(row.get(), numbers);
                default -> assetProfile(row.get());
            });
        }
        ObjectNode body = NODES.objectNode();
        ObjectNode quoteSummary = body.putObject("quoteSummary");
        quoteSummary.putArray("result").add(result);
        quoteSummary.putNull("error");
        return Reply.json(200, body);
    }

    /** HTTP 404 as Yahoo answers a symbol without fundamentals (quoteSummary-summaryDetail-ADH). */
    static Reply notFound(String modules) {
        return error(404, "Not Found", "No fundamentals data found for any of the summaryTypes=" + modules);
    }

    static Reply error(int status, String code, String description) {
        ObjectNode body = NODES.objectNode();
        ObjectNode quoteSummary = body.putObject("quoteSummary");
        quoteSummary.putNull("result");
        ObjectNode error = quoteSummary.putObject("error");
        error.put("code", code);
        error.put("description", description);
        return Reply.json(status, body);
    }

    private static ObjectNode price(FundamentalsRow row) {
        ObjectNode price = NODES.objectNode();
        price.put("maxAge", 1);
        price.put("exchange", row.isEtf() ? "PCX" : "NMS");
        price.put("exchangeName", row.isEtf() ? "NYSEArca" : "NasdaqGS");
        price.put("quoteType", row.type().isEmpty() ? "EQUITY" : row.type());
        price.put("symbol", row.symbol());
        if (!row.name().isEmpty()) {
            price.put("shortName", row.name());
            price.put("longName", row.name());
        }
        if (!row.currency().isEmpty()) {
            price.put("currency", row.currency());
        }
        return price;
    }

    private static ObjectNode summaryDetail(FundamentalsRow row, Numbers numbers) {
        ObjectNode detail = NODES.objectNode();
        detail.put("maxAge", 1);
        numbers.ratio(detail, "trailingPE", row.trailingPe());
        numbers.ratio(detail, "forwardPE", row.forwardPe());
        numbers.percent(detail, row.isEtf() ? "yield" : "dividendYield", row.dividendYield());
        if (!row.currency().isEmpty()) {
            detail.put("currency", row.currency());
        }
        return detail;
    }

    private static ObjectNode defaultKeyStatistics(FundamentalsRow row, Numbers numbers) {
        ObjectNode statistics = NODES.objectNode();
        statistics.put("maxAge", 1);
        numbers.ratio(statistics, "forwardPE", row.forwardPe());
        if (row.isEtf()) {
            numbers.percent(statistics, "yield", row.dividendYield());
        } else {
            numbers.ratio(statistics, "pegRatio", row.pegRatio());
            numbers.ratio(statistics, "trailingPegRatio", row.pegRatio());
        }
        return statistics;
    }

    private static ObjectNode assetProfile(FundamentalsRow row) {
        ObjectNode profile = NODES.objectNode();
        if (row.isEtf()) {
            profile.putArray("companyOfficers");
        } else {
            YahooSector.of(row.sector()).ifPresent(sector -> {
                profile.put("sector", sector.name());
                profile.put("sectorKey", sector.key());
                profile.put("sectorDisp", sector.name());
            });
        }
        profile.put("maxAge", 86400);
        return profile;
    }

    /** Writes numbers raw ({@code 38.91}) or as Yahoo's formatted objects ({@code {"raw":38.91,"fmt":"38.91"}}). */
    private record Numbers(boolean formatted) {

        void ratio(ObjectNode target, String field, Double value) {
            put(target, field, value, value == null ? null : String.format(Locale.ROOT, "%.2f", value));
        }

        /** A fraction, formatted as Yahoo formats yields: 0.0041 is "0.41%". */
        void percent(ObjectNode target, String field, Double value) {
            put(target, field, value, value == null ? null : String.format(Locale.ROOT, "%.2f%%", value * 100));
        }

        private void put(ObjectNode target, String field, Double value, String text) {
            if (!formatted) {
                if (value != null) {
                    target.put(field, value.doubleValue());
                }
                return;
            }
            ObjectNode number = target.putObject(field);
            if (value != null) {
                number.put("raw", value.doubleValue());
                number.put("fmt", text);
            }
        }
    }
}
