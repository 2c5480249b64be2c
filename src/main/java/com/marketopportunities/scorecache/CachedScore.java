package com.marketopportunities.scorecache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.SymbolScore;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JacksonException;

/**
 * A score as the cache keeps it, and its JSON in the shared level (CACHE.md, readable with
 * {@code redis-cli GET}): {@code {"symbol", "momentum_score", "value_score",
 * "diversification_score", "composite_score", "confidence", "data_points", "analysis_date",
 * "volatility", "model_version", "fresh_until"}}, and {@code "partial": true} for a partial score,
 * whose {@code value_score} is {@code null}. A document without {@code partial} (or with
 * {@code false}) is a full score, as every document written before partial scores is. The horizon
 * is in the key.
 *
 * @param freshUntil when the score turns stale
 */
public record CachedScore(SymbolScore score, Instant freshUntil) {

    public boolean isFreshAt(Instant now) {
        return now.isBefore(freshUntil);
    }

    /**
     * The JSON document of the shared level, field for field.
     *
     * @param partial {@code true} for a partial score, else absent ({@code null}), so that a full score's
     *                document is what it was before partial scores
     */
    record Document(String symbol, double momentumScore, Double valueScore, double diversificationScore,
                    double compositeScore, double confidence, int dataPoints, LocalDate analysisDate,
                    Double volatility, String modelVersion, Instant freshUntil,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partial) {

        /** Whether the document holds a partial score: only when it says so, never for an older document. */
        boolean isPartial() {
            return Boolean.TRUE.equals(partial);
        }
    }

    /** Reads and writes the JSON; the horizon is read from the key ({@code stock_score:SYM:horizon[:date]}). */
    static TieredCache.Codec<CachedScore> codec() {
        return new TieredCache.Codec<>() {
            @Override
            public String encode(CachedScore cached) {
                SymbolScore s = cached.score();
                return JsonFormat.mapper().writeValueAsString(new Document(s.symbol(), s.momentumScore(), s.valueScore(),
                        s.diversificationScore(), s.compositeScore(), s.confidence(), s.dataPoints(), s.analysisDate(),
                        s.volatility(), s.modelVersion(), cached.freshUntil(), s.partial() ? Boolean.TRUE : null));
            }

            @Override
            public CachedScore decode(String key, String text) {
                try {
                    String[] parts = key.split(":");
                    Horizon horizon = Horizon.parse(parts.length > 2 ? parts[2] : "");
                    Document d = JsonFormat.mapper().readValue(text, Document.class);
                    // a full score has its value pillar; a partial one has none, whatever the document says
                    if (d.symbol() == null || d.modelVersion() == null || d.freshUntil() == null
                            || (!d.isPartial() && d.valueScore() == null)) {
                        return null;
                    }
                    return new CachedScore(new SymbolScore(d.symbol(), horizon, d.momentumScore(),
                            d.isPartial() ? null : d.valueScore(),
                            d.diversificationScore(), d.compositeScore(), d.confidence(), d.dataPoints(), d.volatility(),
                            d.analysisDate(), d.modelVersion()), d.freshUntil());
                } catch (JacksonException | IllegalArgumentException unreadable) {
                    return null;
                }
            }
        };
    }
}
