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
 */
final class MarketDataJson {

    private MarketDataJson() {
    }

    static String encode(Object value) {
        ObjectNode node = JsonFormat.mapper().createObjectNode();
        if (value instanceof PriceHistory history) {
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
        } else if (value instanceof Fundamentals fundamentals) {
            node.put("kind", "fundamentals");
            node.setAll((ObjectNode) JsonFormat.mapper().valueToTree(fundamentals));
        } else if (value instanceof NoDataException noData) {
            node.put("kind", "no_data").put("symbol", noData.symbol()).put("reason", noData.getMessage());
        } else {
            throw new IllegalArgumentException("not market data: " + value);
        }
        return node.toString();
    }

    /** The value, a {@link NoDataException} for a kept "no data" answer, or {@code null} when unreadable. */
    static Object decode(String text) {
        try {
            JsonNode node = JsonFormat.mapper().readTree(text);
            return switch (node.path("kind").asString("")) {
                case "history" -> history(node);
                case "fundamentals" -> JsonFormat.mapper().treeToValue(((ObjectNode) node).without("kind"), Fundamentals.class);
                case "no_data" -> new NoDataException(node.path("symbol").asString(), node.path("reason").asString());
                default -> null;
            };
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
