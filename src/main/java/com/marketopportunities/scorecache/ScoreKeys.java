package com.marketopportunities.scorecache;

import com.marketopportunities.scoring.Horizon;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The cache's key names (CACHE.md): {@code stock_score:{SYMBOL}:{HORIZON}} for live scores,
 * {@code stock_score:{SYMBOL}:{HORIZON}:{YYYY-MM-DD}} for a scan at a past as-of date, and
 * {@code market_data:...} for raw data. Patterns outside these two namespaces are refused.
 */
public final class ScoreKeys {

    public static final String SCORE_NAMESPACE = "stock_score:";
    public static final String MARKET_DATA_NAMESPACE = "market_data:";

    private ScoreKeys() {
    }

    /** The key of a score; {@code live} when the scan's as-of date is today. */
    public static String score(String symbol, Horizon horizon, LocalDate asOf, boolean live) {
        String key = SCORE_NAMESPACE + symbol.toUpperCase(Locale.ROOT) + ":" + horizon.key();
        return live ? key : key + ":" + asOf;
    }

    /**
     * A management pattern (glob) confined to the cache's own namespaces.
     *
     * @throws IllegalArgumentException for any other pattern, {@code *} included
     */
    public static String checkedPattern(String pattern) {
        if (pattern == null || !(pattern.startsWith(SCORE_NAMESPACE) || pattern.startsWith(MARKET_DATA_NAMESPACE))) {
            throw new IllegalArgumentException("pattern '" + pattern + "' is refused: it must start with '"
                    + SCORE_NAMESPACE + "' or '" + MARKET_DATA_NAMESPACE + "' (e.g. stock_score:JPM:*), so that only "
                    + "the cache's own keys are listed or deleted");
        }
        return pattern;
    }
}
