package com.marketopportunities.marketdata;

import com.marketopportunities.json.JsonFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw market data as the shared cache keeps it: compact JSON, one document per history, per
 * symbol's fundamentals, or per "no data" answer.
 *
 * <p>Fundamentals are their record's fields in snake_case, a fund's breakdown nested under
 * {@code fund}. A document without {@code country} or {@code fund} (written before they existed)
 * still reads, as fundamentals without them.
 */
final class MarketDataJson {

    private MarketDataJson() {
    }

    static String encode(PriceHistory history) {
        ObjectNode node = JsonFormat.mapper().createObjectNode();
        node.put("kind", "history").put("symbol", history.symbol());
        ArrayNode dates = node.putArray("date");
        ArrayNode closes = node.putArray("close");
        ArrayNode adjusted = node.putArray("adj_close");
        for (DailyBar bar : history.bars()) {
            dates.add(bar.date().toString());
            closes.add(bar.close());
            if (Double.isNaN(bar.adjustedClose())) {
                adjusted.addNull();
            } else {
                adjusted.add(bar.adjustedClose());
            }
        }
        return node.toString();
    }

    static String encode(Fundamentals fundamentals) {
        ObjectNode node = JsonFormat.mapper().createObjectNode();
        node.put("kind", "fundamentals");
        node.setAll((ObjectNode) JsonFormat.mapper().valueToTree(fundamentals));
        return node.toString();
    }

    static String encode(NoDataException noData) {
        ObjectNode node = JsonFormat.mapper().createObjectNode();
        node.put("kind", "no_data").put("symbol", noData.symbol()).put("reason", noData.getMessage());
        return node.toString();
    }

    /** A kept history or "no data" answer; {@code null} when unreadable or of another kind. */
    static Fetched<PriceHistory> decodeHistory(String text) {
        JsonNode node = read(text);
        return switch (node.path("kind").asString("")) {
            case "history" -> readable(() -> new Fetched.Found<>(history(node)));
            case "no_data" -> noData(node);
            default -> null;
        };
    }

    /** Kept fundamentals or "no data" answer; {@code null} when unreadable or of another kind. */
    static Fetched<Fundamentals> decodeFundamentals(String text) {
        JsonNode node = read(text);
        return switch (node.path("kind").asString("")) {
            case "fundamentals" -> readable(() -> new Fetched.Found<>(JsonFormat.mapper().treeToValue(
                    ((ObjectNode) node).without("kind"), Fundamentals.class)));
            case "no_data" -> noData(node);
            default -> null;
        };
    }

    /** The document, or a missing node when the text is not JSON. */
    private static JsonNode read(String text) {
        try {
            return JsonFormat.mapper().readTree(text);
        } catch (JacksonException unreadable) {
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static <T> Fetched<T> noData(JsonNode node) {
        return new Fetched.NoData<>(new NoDataException(node.path("symbol").asString(), node.path("reason").asString()));
    }

    /** The decoded value, or {@code null} when the document does not hold what its kind says. */
    private static <T> Fetched<T> readable(java.util.function.Supplier<Fetched<T>> decoding) {
        try {
            return decoding.get();
        } catch (JacksonException | IllegalArgumentException | ClassCastException unreadable) {
            return null;
        }
    }

    private static PriceHistory history(JsonNode node) {
        JsonNode dates = node.path("date");
        JsonNode closes = node.path("close");
        JsonNode adjusted = node.path("adj_close");
        List<DailyBar> bars = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            JsonNode adj = adjusted.path(i);
            bars.add(new DailyBar(LocalDate.parse(dates.get(i).asString()), closes.get(i).asDouble(),
                    adj.isNumber() ? adj.asDouble() : Double.NaN));
        }
        return new PriceHistory(node.path("symbol").asString(), bars);
    }
}
