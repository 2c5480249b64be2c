package com.marketopportunities.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.SymbolScore;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * An opportunity as API.md writes it: flat, snake_case, the shown score between type and stale; a
 * partial score with its value pillar missing ({@code null}), never a number.
 */
class ScanReportJsonTest {

    private static final SymbolScore XLV = new SymbolScore("XLV", Horizon.MEDIUM, 61.2, 48.0, 70.4, 59.9, 0.97,
            120, 0.14, LocalDate.of(2024, 6, 28), "1-abcd");
    private static final SymbolScore JNJ = new SymbolScore("JNJ", Horizon.MEDIUM, 40.0, 72.5, 66.1, 57.3, 1.0,
            124, 0.12, LocalDate.of(2024, 6, 28), "1-abcd");
    /** XLV's fundamentals could not be fetched: no value pillar, composite (0.4 x 61.2 + 0.3 x 70.4) / 0.7. */
    private static final SymbolScore XLV_PARTIAL = new SymbolScore("XLV", Horizon.MEDIUM, 61.2, null, 70.4, 65.1,
            0.97, 120, 0.14, LocalDate.of(2024, 6, 28), "1-abcd");

    @Test
    void anUnscoredStockShowsItsSectorEtfsScoreAndReadingButNoConfidenceWrittenFlatInTheApisOrder() {
        ScanReport.Opportunity unh = new ScanReport.Opportunity("UNH", "UnitedHealth", "Healthcare", "Stock",
                ScanReport.ShownScore.of(null, XLV), false, null, "medium", 14_000.0, "why", false);

        assertThat(JsonFormat.mapper().writeValueAsString(unh)).isEqualTo("{\"symbol\":\"UNH\","
                + "\"name\":\"UnitedHealth\",\"sector\":\"Healthcare\",\"type\":\"Stock\","
                + "\"score\":59.9,\"score_source\":\"sector\","
                + "\"momentum_score\":61.2,\"value_score\":48.0,\"diversification_score\":70.4,\"confidence\":null,"
                + "\"partial\":false,\"stale\":false,\"correlation_to_portfolio\":null,\"action\":\"CONSIDER\",\"horizon\":\"medium\","
                + "\"capital_needed\":14000.0,\"rationale\":\"why\",\"held\":false}");
    }

    @Test
    void aSymbolsOwnScoreWinsOverItsSectorEtfs() {
        assertThat(ScanReport.ShownScore.of(JNJ, XLV))
                .isEqualTo(new ScanReport.ShownScore(57.3, ScoreSource.SYMBOL, 40.0, 72.5, 66.1, 1.0, false));
    }

    @Test
    void withNoScoreAnywhereEveryNumberIsNullNotMadeUp() {
        ScanReport.ShownScore none = ScanReport.ShownScore.of(null, null);

        assertThat(none).isEqualTo(new ScanReport.ShownScore(null, ScoreSource.NONE, null, null, null, null, false));
        assertThat(JsonFormat.mapper().writeValueAsString(none)).isEqualTo("{\"score\":null,\"score_source\":\"none\","
                + "\"momentum_score\":null,\"value_score\":null,\"diversification_score\":null,\"confidence\":null,"
                + "\"partial\":false}");
    }

    @Test
    void aPartialScoreIsWrittenWithItsValuePillarNullAndPartialTrue() {
        ScanReport.Opportunity xlv = new ScanReport.Opportunity("XLV", "Health Care Select", "Healthcare", "ETF",
                ScanReport.ShownScore.of(XLV_PARTIAL, null), false, 0.42, "medium", 14_000.0, "why", false);

        assertThat(JsonFormat.mapper().writeValueAsString(xlv)).isEqualTo("{\"symbol\":\"XLV\","
                + "\"name\":\"Health Care Select\",\"sector\":\"Healthcare\",\"type\":\"ETF\","
                + "\"score\":65.1,\"score_source\":\"symbol\","
                + "\"momentum_score\":61.2,\"value_score\":null,\"diversification_score\":70.4,\"confidence\":0.97,"
                + "\"partial\":true,\"stale\":false,\"correlation_to_portfolio\":0.42,\"action\":\"BUY\","
                + "\"horizon\":\"medium\",\"capital_needed\":14000.0,\"rationale\":\"why\",\"held\":false}");
    }

    @Test
    void aStockShownWithItsSectorEtfsPartialScoreIsPartialToo() {
        assertThat(ScanReport.ShownScore.of(null, XLV_PARTIAL))
                .isEqualTo(new ScanReport.ShownScore(65.1, ScoreSource.SECTOR, 61.2, null, 70.4, null, true));
        assertThat(ScanReport.ShownScore.of(JNJ, XLV_PARTIAL).partial()).as("its own full score wins").isFalse();
    }
}
