package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.marketdata.SharedMarketData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Yahoo's body shapes, as small fixtures modelled on the real recordings. */
class YahooResponsesTest {

    /** 2024-03-04..07 open at 14:30 UTC (09:30 New York, EST); the 5th bar repeats 03-07 (the live day). */
    static final String CHART = """
            {"chart":{"result":[{"meta":{"currency":"USD","symbol":"FIX","exchangeTimezoneName":"America/New_York",
              "gmtoffset":-18000,"instrumentType":"EQUITY"},
              "timestamp":[1709562600,1709649000,1709735400,1709821800,1709838000],
              "indicators":{"quote":[{"close":[10.0,null,12.0,13.0,13.5],"open":[1,2,3,4,5]}],
                            "adjclose":[{"adjclose":[9.5,null,11.5,12.5,13.25]}]}}],"error":null}}
            """;

    @Test
    void nullBarsAreSkippedAndARepeatedDayKeepsItsLastBar() {
        PriceHistory history = YahooResponses.chart("FIX", json(CHART));

        assertThat(history.bars()).extracting(bar -> bar.date().toString())
                .containsExactly("2024-03-04", "2024-03-06", "2024-03-07");
        assertThat(history.bars().get(2).close()).isEqualTo(13.5);
        assertThat(history.bars().get(2).scoringClose()).isEqualTo(13.25);
    }

    @Test
    void withoutAdjustedClosesTheCloseIsUsed() {
        PriceHistory history = YahooResponses.chart("FIX", json("""
                {"chart":{"result":[{"meta":{"gmtoffset":3600},"timestamp":[1709539200],
                  "indicators":{"quote":[{"close":[42.0]}]}}],"error":null}}"""));

        // no time zone name: the fixed offset dates 2024-03-04 08:00 UTC as 09:00 +01:00, the same day
        assertThat(history.bars().get(0).date()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(history.bars().get(0).adjustedClose()).isNaN();
        assertThat(history.bars().get(0).scoringClose()).isEqualTo(42.0);
    }

    @Test
    void aChartErrorOrAnEmptyResultIsNoData() {
        assertThatThrownBy(() -> YahooResponses.chart("GONE", json("""
                {"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""")))
                .isInstanceOf(NoDataException.class).hasMessage("no data for GONE: No data found, symbol may be delisted");
        assertThatThrownBy(() -> YahooResponses.chart("CAPIO.ST", json("""
                {"chart":{"result":[{"meta":{"currency":"SEK"},"indicators":{"quote":[{}],"adjclose":[{}]}}],"error":null}}""")))
                .isInstanceOf(NoDataException.class).hasMessageContaining("no price in the range");
    }

    @Test
    void numbersAreReadRawOrFromRawFmtObjects() {
        Fundamentals formatted = YahooResponses.quoteSummary("FIX", json("""
                {"quoteSummary":{"result":[{
                  "price":{"quoteType":"EQUITY","currency":"EUR","shortName":"Fix SE"},
                  "summaryDetail":{"trailingPE":{"raw":18.5,"fmt":"18.50"},"forwardPE":{},"dividendYield":{"raw":0.031,"fmt":"3.10%"}},
                  "defaultKeyStatistics":{"pegRatio":{"raw":1.4,"fmt":"1.40"},"forwardPE":{"raw":16.2,"fmt":"16.20"}},
                  "assetProfile":{"sector":"Consumer Cyclical","sectorKey":"consumer-cyclical"}}],"error":null}}"""));

        assertThat(formatted.name()).isEqualTo("Fix SE");
        assertThat(formatted.trailingPe()).isEqualTo(18.5);
        // summaryDetail.forwardPE is an empty object: the one of defaultKeyStatistics is used
        assertThat(formatted.forwardPe()).isEqualTo(16.2);
        assertThat(formatted.pegRatio()).isEqualTo(1.4);
        assertThat(formatted.dividendYield()).isEqualTo(0.031);
        assertThat(formatted.sector()).isEqualTo("Consumer Cyclical");
        assertThat(formatted.currency()).isEqualTo("EUR");
    }

    @Test
    void trailingPegRatioStandsInForAMissingPegRatioAndTheSectorKeyForAMissingSector() {
        Fundamentals fundamentals = YahooResponses.quoteSummary("FIX", json("""
                {"quoteSummary":{"result":[{"price":{"quoteType":"EQUITY"},"summaryDetail":{},
                  "defaultKeyStatistics":{"trailingPegRatio":2.2},"assetProfile":{"sectorKey":"consumer_cyclical"}}],
                  "error":null}}"""));

        assertThat(fundamentals.pegRatio()).isEqualTo(2.2);
        assertThat(fundamentals.sector()).isEqualTo("consumer_cyclical");
        assertThat(fundamentals.trailingPe()).isNull();
        assertThat(fundamentals.dividendYield()).isNull();
    }

    @Test
    void aQuoteSummaryErrorIsNoDataWithYahoosDescription() {
        assertThatThrownBy(() -> YahooResponses.quoteSummary("ADH", json("""
                {"quoteSummary":{"result":null,"error":{"code":"Not Found",
                 "description":"No fundamentals data found for any of the summaryTypes=summaryDetail"}}}""")))
                .isInstanceOf(NoDataException.class)
                .hasMessage("no fundamentals for ADH: No fundamentals data found for any of the summaryTypes=summaryDetail");
    }

    @Test
    void aStocksCountryFromItsAssetProfileAndNoBreakdown() {
        Fundamentals stock = YahooResponses.quoteSummary("ROG.SW", json("""
                {"quoteSummary":{"result":[{"price":{"quoteType":"EQUITY","currency":"CHF"},
                  "assetProfile":{"country":"Switzerland","sector":"Healthcare"},
                  "topHoldings":{"stockPosition":1.0}}],"error":null}}"""));

        assertThat(stock.country()).isEqualTo("Switzerland");
        assertThat(stock.fund()).isNull();
    }

    @Test
    void aFundsSectorWeightingsPositionsAndCategoryButNoCountry() {
        Fundamentals fund = YahooResponses.quoteSummary("FIXF", json("""
                {"quoteSummary":{"result":[{"price":{"quoteType":"ETF","currency":"USD"},
                  "assetProfile":{"country":"Ireland","maxAge":86400},
                  "topHoldings":{"maxAge":1,"stockPosition":{"raw":0.9,"fmt":"90.00%"},"bondPosition":0.04,
                    "cashPosition":0.01,"otherPosition":0.02,"preferredPosition":{"raw":0.03,"fmt":"3.00%"},
                    "convertiblePosition":{},
                    "sectorWeightings":[{"technology":0.5083},{"financial_services":{"raw":0.3,"fmt":"30.00%"}},
                      {"realestate":0},{"healthcare":0.0523}]},
                  "fundProfile":{"family":"Fixture","categoryName":"Large Growth"}}],"error":null}}"""));

        assertThat(fund.country()).as("where a fund is domiciled is not what it holds").isNull();
        assertThat(fund.fund().sectors()).containsExactly(Map.entry("technology", 0.5083),
                Map.entry("financial_services", 0.3), Map.entry("healthcare", 0.0523));
        assertThat(fund.fund().assetClasses()).containsOnlyKeys("Equity", "Fixed Income", "Cash", "Other");
        assertThat(fund.fund().assetClasses().get("Equity")).isEqualTo(0.9);
        assertThat(fund.fund().assetClasses().get("Fixed Income")).isEqualTo(0.04);
        assertThat(fund.fund().assetClasses().get("Cash")).isEqualTo(0.01);
        assertThat(fund.fund().assetClasses().get("Other")).isCloseTo(0.05, within(1e-12));
        assertThat(fund.fund().regions()).isEmpty();
        assertThat(fund.fund().category()).isEqualTo("Large Growth");
        assertThat(fund.fund().asOf()).isNull();
        assertThat(fund.fund().source()).isEqualTo("Yahoo topHoldings/fundProfile");
    }

    @Test
    void aMutualFundIsAFundAndAFundOfWhichNothingIsKnownHasNoBreakdown() {
        Fundamentals mutual = YahooResponses.quoteSummary("FIXMX", json("""
                {"quoteSummary":{"result":[{"price":{"quoteType":"MUTUALFUND"},"assetProfile":{"country":"United States"},
                  "fundProfile":{"categoryName":"Europe Stock"}}],"error":null}}"""));
        Fundamentals bare = YahooResponses.quoteSummary("FIXE", json("""
                {"quoteSummary":{"result":[{"price":{"quoteType":"ETF"},
                  "topHoldings":{"stockPosition":0,"bondPosition":0,"sectorWeightings":[]},
                  "fundProfile":{"categoryName":null}}],"error":null}}"""));

        assertThat(mutual.country()).isNull();
        assertThat(mutual.fund().category()).isEqualTo("Europe Stock");
        assertThat(mutual.fund().sectors()).isEmpty();
        assertThat(mutual.fund().assetClasses()).isEmpty();
        assertThat(bare.fund()).isNull();
    }

    @Test
    void theRecordedQqqBreakdown() throws IOException {
        Path recording = SharedMarketData.folder().resolve("yahoo/node-yahoo-finance2/bodies/quoteSummary-all-QQQ.json");
        assumeTrue(Files.isRegularFile(recording), recording + " not found: the recorded QQQ body is not read");

        Fundamentals qqq = YahooResponses.quoteSummary("QQQ", json(Files.readString(recording)));

        assertThat(qqq.isEtf()).isTrue();
        assertThat(qqq.country()).isNull();
        assertThat(qqq.fund().sectors()).hasSize(11).containsEntry("technology", 0.5083)
                .containsEntry("communication_services", 0.1608).containsEntry("consumer_cyclical", 0.1476)
                .containsEntry("realestate", 0.002).containsEntry("healthcare", 0.0523);
        assertThat(qqq.fund().sectors().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(0.001));
        // bond, other, preferred and convertible positions are 0 in the recording: left out
        assertThat(qqq.fund().assetClasses()).containsExactly(Map.entry("Equity", 0.9993), Map.entry("Cash", 0.0007));
        assertThat(qqq.fund().category()).isEqualTo("Large Growth");
    }

    static JsonNode json(String text) {
        return JsonFormat.mapper().readTree(text);
    }
}
