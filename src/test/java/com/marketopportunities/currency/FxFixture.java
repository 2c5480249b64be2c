package com.marketopportunities.currency;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** FX histories written in the test: pairs with a close per date, every other pair no data; counts the asks. */
final class FxFixture implements FxHistories {

    private final Map<String, PriceHistory.Builder> pairs = new HashMap<>();
    private final Map<String, Fetch<PriceHistory>> failures = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    /** {@code pair("CHFEUR=X", "2022-12-02", 1.01688, "2022-12-05", 1.01082)}. */
    FxFixture pair(String symbol, Object... datesAndCloses) {
        PriceHistory.Builder builder = pairs.computeIfAbsent(symbol, PriceHistory.Builder::new);
        for (int i = 0; i < datesAndCloses.length; i += 2) {
            double close = ((Number) datesAndCloses[i + 1]).doubleValue();
            builder.add(LocalDate.parse((String) datesAndCloses[i]), close, close);
        }
        return this;
    }

    FxFixture unavailable(String symbol) {
        failures.put(symbol, new Fetch.Unavailable<>(new java.io.IOException("connect timed out")));
        return this;
    }

    @Override
    public synchronized Fetch<PriceHistory> history(String pairSymbol) {
        asked.add(pairSymbol);
        if (failures.containsKey(pairSymbol)) {
            return failures.get(pairSymbol);
        }
        PriceHistory.Builder builder = pairs.get(pairSymbol);
        return builder == null ? new Fetch.NoData<>("No data found, symbol may be delisted") : new Fetch.Ok<>(builder.build());
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
