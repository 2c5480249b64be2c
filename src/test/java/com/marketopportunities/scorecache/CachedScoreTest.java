package com.marketopportunities.scorecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.SymbolScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * The JSON document of the shared level (CACHE.md) for full and partial scores: a partial score says
 * {@code "partial": true} and has a {@code null} value pillar; a full score's document is what it
 * always was, and a document written before partial scores reads as full.
 */
class CachedScoreTest {

    static final String KEY = "stock_score:JPM:medium:2024-06-28";
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 28);
    static final Instant FRESH_UNTIL = Instant.parse("2024-06-30T12:10:00Z");
    static final SymbolScore FULL = new SymbolScore("JPM", Horizon.MEDIUM, 60.0, 67.8, 55.0, 60.8, 1.0, 124, 0.3,
            AS_OF, "1-abcd");
    static final SymbolScore PARTIAL = new SymbolScore("JPM", Horizon.MEDIUM, 60.0, null, 55.0, 57.9, 1.0, 124, 0.3,
            AS_OF, "1-abcd");

    private final TieredCache.Codec<CachedScore> codec = CachedScore.codec();

    @Test
    void aFullScoresDocumentHasNoPartialFieldAndReadsBackEqual() {
        String text = codec.encode(new CachedScore(FULL, FRESH_UNTIL));

        assertThat(fields(text)).doesNotContainKey("partial").containsEntry("value_score", 67.8);
        assertThat(fields(text).keySet()).containsExactly("symbol", "momentum_score", "value_score",
                "diversification_score", "composite_score", "confidence", "data_points", "analysis_date", "volatility",
                "model_version", "fresh_until");
        CachedScore read = codec.decode(KEY, text);
        assertThat(read).isEqualTo(new CachedScore(FULL, FRESH_UNTIL));
        assertThat(read.score().partial()).isFalse();
    }

    @Test
    void aPartialScoresDocumentSaysPartialWithANullValuePillarAndReadsBackPartial() {
        String text = codec.encode(new CachedScore(PARTIAL, FRESH_UNTIL));

        assertThat(fields(text)).containsEntry("partial", true).containsEntry("value_score", null)
                .containsEntry("composite_score", 57.9);
        CachedScore read = codec.decode(KEY, text);
        assertThat(read).isEqualTo(new CachedScore(PARTIAL, FRESH_UNTIL));
        assertThat(read.score().partial()).isTrue();
        assertThat(read.score().valueScore()).isNull();
    }

    @Test
    void aDocumentWrittenBeforePartialScoresReadsAsAFullScore() {
        String older = """
                {"symbol":"JPM","momentum_score":60.0,"value_score":67.8,"diversification_score":55.0,\
                "composite_score":60.8,"confidence":1.0,"data_points":124,"analysis_date":"2024-06-28",\
                "volatility":0.3,"model_version":"1-abcd","fresh_until":"2024-06-30T12:10:00Z"}""";

        CachedScore read = codec.decode(KEY, older);

        assertThat(read).isEqualTo(new CachedScore(FULL, FRESH_UNTIL));
        assertThat(read.score().partial()).isFalse();
        assertThat(codec.decode(KEY, older.replace("}", ",\"partial\":false}"))).as("partial: false")
                .isEqualTo(new CachedScore(FULL, FRESH_UNTIL));
    }

    @Test
    void aPartialDocumentNeverLendsItsScoreAValuePillarAndAFullOneWithoutItIsUnreadable() {
        String text = codec.encode(new CachedScore(PARTIAL, FRESH_UNTIL));

        // edited by hand: a partial score has no value pillar, whatever number stands there
        assertThat(codec.decode(KEY, text.replace("\"value_score\":null", "\"value_score\":50.0")).score().valueScore())
                .isNull();
        // a full score without its value pillar is no score this cache can serve: a miss
        assertThat(codec.decode(KEY, text.replace(",\"partial\":true", ""))).isNull();
    }

    private static Map<String, Object> fields(String json) {
        return JsonFormat.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
    }
}
