package com.marketopportunities.benchmark.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import org.junit.jupiter.api.Test;

class ScoreFingerprintTest {

    static final String ANSWER = """
            {"gaps": [{"sector": "Energy", "etf": "XLE", "gap_pct": 6.5, "score": 41.7, "momentum_score": 40.1,
                       "value_score": 50.0, "diversification_score": 33.0, "confidence": 1.0, "stale": false}],
             "opportunities": [{"symbol": "XOM", "score": 57.5, "momentum_score": 77.7, "value_score": 88.3,
                                "diversification_score": 0.0, "confidence": 1.0, "stale": false,
                                "correlation_to_portfolio": 0.44, "capital_needed": 6500.0}],
             "suggested_sales": [{"symbol": "META", "sale_score": 27.5, "sale_value": 900.0}],
             "unscored": [{"symbol": "SHEL.L", "reason": "no data"}],
             "generated_at": "%s", "stats": {"duration_ms": %d}}
            """;

    static ScoreFingerprint of(String answer) {
        return ScoreFingerprint.of(JsonFormat.mapper().readTree(answer));
    }

    @Test
    void twoAnswersWithTheSameScoresAgreeWhateverTheirTimes() {
        ScoreFingerprint first = of(ANSWER.formatted("2022-12-05T10:00:00Z", 5396));
        ScoreFingerprint later = of(ANSWER.formatted("2022-12-05T10:00:07Z", 14));
        assertThat(later).isEqualTo(first);
        assertThat(later.firstDifference(first)).isEmpty();
        assertThat(first.scored()).isEqualTo(2);
    }

    @Test
    void aChangedOrStaleScoreIsALostScoreAndTheDifferenceIsNamed() {
        ScoreFingerprint baseline = of(ANSWER.formatted("t", 1));
        ScoreFingerprint changed = of(ANSWER.formatted("t", 1).replace("\"score\": 57.5", "\"score\": 57.4"));
        ScoreFingerprint stale = of(ANSWER.formatted("t", 1).replace("\"stale\": false}]", "\"stale\": true}]"));
        ScoreFingerprint unscored = of(ANSWER.formatted("t", 1).replace("\"score\": 41.7", "\"score\": null"));

        assertThat(changed).isNotEqualTo(baseline);
        assertThat(changed.firstDifference(baseline)).contains("opportunity XOM score=57.4");
        assertThat(stale).isNotEqualTo(baseline);
        assertThat(unscored).isNotEqualTo(baseline);
        assertThat(unscored.scored()).isEqualTo(1);
    }
}
