package com.marketopportunities.currency;

import com.marketopportunities.marketdata.PriceHistory;
import java.util.List;
import java.util.Objects;

/** How the conversion of a price history to another currency ended. */
public sealed interface HistoryConversion {

    /**
     * The history in the other currency, day by day.
     *
     * @param history      the converted bars (the same history when nothing was to convert)
     * @param pairs        the pairs whose quotes were used, in the order multiplied; none for an
     *                     identity or a minor unit of the same currency
     * @param droppedBars  bars before the first day with a rate, left out
     * @param staleBars    bars converted at a rate more than {@link FxRate#STALE_AFTER_DAYS} days
     *                     older than the bar (the FX data ends before the prices do)
     */
    record Converted(PriceHistory history, List<String> pairs, int droppedBars, int staleBars)
            implements HistoryConversion {
        public Converted {
            Objects.requireNonNull(history, "history");
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * The history could not be converted: an unknown currency, or no rate at all.
     *
     * @param reason in plain words, naming the pairs tried
     */
    record NotConverted(String symbol, String currency, String reason) implements HistoryConversion {
        public NotConverted {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
