package com.marketopportunities.marketdata.yahoo.standin;

import com.marketopportunities.marketdata.yahoo.standin.DataFolder.FundRow;
import com.marketopportunities.marketdata.yahoo.standin.DataFolder.FundamentalsRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yahoo's v10 quoteSummary answers for the modules price, summaryDetail, defaultKeyStatistics,
 * assetProfile, topHoldings and fundProfile, built from fundamentals.csv and funds.csv.
 *
 * <p>Only the requested modules are answered, and topHoldings and fundProfile only for a symbol
 * with such rows in funds.csv (as Yahoo leaves out a module it has nothing for); none of them known
 * (or a symbol in neither file) is Yahoo's 404 "No fundamentals data found for any of the
 * summaryTypes=...".
 * Numbers are raw unless the request says {@code formatted=true}: then each is Yahoo's
 * {@code {"raw": x, "fmt": "..."}} and a value the row lacks is {@code {}}; in raw mode it is left
 * out, as the 2025 recordings leave out {@code pegRatio}.
 *
 * <p>As in the recordings, a stock carries {@code dividendYield}, a sector and its country; an ETF
 * carries {@code yield} instead of {@code dividendYield} (QQQ) and an assetProfile without sector
 * or country. A fund's topHoldings (as in the QQQ recording): {@code sectorWeightings}, a list of
 * one-key objects with Yahoo's keys for funds.csv's GICS names ("Information Technology" is
 * {@code technology}), and, when funds.csv has asset classes, every position: Equity is
 * {@code stockPosition}, Fixed Income {@code bondPosition}, Cash {@code cashPosition}, Other and
 * Commodities (which Yahoo has not) {@code otherPosition}, the rest 0. Region weights are not
 * served: Yahoo has none. fundProfile: {@code categoryName}. A sector or asset class that Yahoo
 * cannot name is an {@link IllegalStateException} (HTTP 500).
 */
final class QuoteSummaryResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SERVED_MODULES = Set.of("price", "summaryDetail", "defaultKeyStatistics", "assetProfile",
            "topHoldings", "fundProfile");

    /** funds.csv's asset classes (lower case) to topHoldings positions; Yahoo has no commodities position. */
    private static final Map<String, String> POSITIONS = Map.of(
            "equity", "stockPosition",
            "fixed income", "bondPosition",
            "cash", "cashPosition",
            "other", "otherPosition",
            "commodities", "otherPosition");

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
        List<FundRow> fund = data.fundRows(symbol);
        ObjectNode result = NODES.objectNode();
        for (String module : modules) {
            ObjectNode answer = switch (module) {
                case "price" -> price(row.get());
                case "summaryDetail" -> summaryDetail(row.get(), numbers);
                case "defaultKeyStatistics" -> defaultKeyStatistics(row.get(), numbers);
                case "topHoldings" -> topHoldings(row.get().symbol(), fund, numbers);
                case "fundProfile" -> fundProfile(fund);
                default -> assetProfile(row.get());
            };
            if (answer != null) {
                result.set(module, answer);
            }
        }
        if (result.isEmpty()) {
            return notFound(modulesParameter.get());
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
            if (!row.country().isEmpty()) {
                profile.put("country", row.country());
            }
            YahooSector.of(row.sector()).ifPresent(sector -> {
                profile.put("sector", sector.name());
                profile.put("sectorKey", sector.key());
                profile.put("sectorDisp", sector.name());
            });
        }
        profile.put("maxAge", 86400);
        return profile;
    }

    /** A fund's topHoldings, or {@code null} when funds.csv has no sector or asset class of it. */
    private static ObjectNode topHoldings(String symbol, List<FundRow> fund, Numbers numbers) {
        List<FundRow> sectors = rowsOf(fund, "sector");
        List<FundRow> assetClasses = rowsOf(fund, "asset_class");
        if (sectors.isEmpty() && assetClasses.isEmpty()) {
            return null;
        }
        ObjectNode holdings = NODES.objectNode();
        holdings.put("maxAge", 1);
        if (!assetClasses.isEmpty()) {
            Map<String, Double> positions = new LinkedHashMap<>();
            List.of("cashPosition", "stockPosition", "bondPosition", "otherPosition", "preferredPosition",
                    "convertiblePosition").forEach(position -> positions.put(position, 0.0));
            for (FundRow assetClass : assetClasses) {
                String position = POSITIONS.get(assetClass.bucket().toLowerCase(Locale.ROOT));
                if (position == null) {
                    throw new IllegalStateException("funds.csv: asset class '" + assetClass.bucket() + "' of " + symbol
                            + " has no topHoldings position");
                }
                positions.merge(position, assetClass.weight() == null ? 0.0 : assetClass.weight(), Double::sum);
            }
            positions.forEach((position, weight) -> numbers.percent(holdings, position, weight));
        }
        holdings.putArray("holdings");
        ArrayNode weightings = holdings.putArray("sectorWeightings");
        for (FundRow sector : sectors) {
            String key = YahooSector.of(sector.bucket()).map(YahooSector::weightingKey).orElseThrow(
                    () -> new IllegalStateException("funds.csv: sector '" + sector.bucket() + "' of " + symbol
                            + " has no Yahoo sectorWeightings key"));
            numbers.percent(weightings.addObject(), key, sector.weight());
        }
        return holdings;
    }

    /** A fund's fundProfile, or {@code null} when funds.csv gives it no category. */
    private static ObjectNode fundProfile(List<FundRow> fund) {
        List<FundRow> categories = rowsOf(fund, "category");
        if (categories.isEmpty()) {
            return null;
        }
        ObjectNode profile = NODES.objectNode();
        profile.put("maxAge", 1);
        profile.put("categoryName", categories.get(0).bucket());
        return profile;
    }

    private static List<FundRow> rowsOf(List<FundRow> fund, String exposure) {
        return fund.stream().filter(row -> row.exposure().equals(exposure)).toList();
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
