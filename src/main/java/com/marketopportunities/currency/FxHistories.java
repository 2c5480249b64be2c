package com.marketopportunities.currency;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.PriceHistory;

/**
 * Where {@link FxRates} gets the daily history of an FX pair: the caller's market data (a scan
 * backs it with its own per-scan data, so that each pair is fetched once).
 *
 * <p>Called on the thread that asks {@link FxRates} for a rate or a conversion; it may block
 * until the history is there. The history should cover the dates the caller converts at (a
 * scan's window up to its as-of date). A pair the provider does not have is a
 * {@link Fetch.NoData}; a provider that cannot answer now, a {@link Fetch.Unavailable}: either way
 * {@link FxRates} tries the next way to the rate.
 */
@FunctionalInterface
public interface FxHistories {

    /** @param pairSymbol {@code CHFEUR=X} ({@link FxPair#symbol()}) */
    Fetch<PriceHistory> history(String pairSymbol);
}
