package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketDataJsonTest {

    static final FundBreakdown QQQ_BREAKDOWN = new FundBreakdown(
            orderedMap("technology", 0.5083, "communication_services", 0.1608),
            Map.of(), orderedMap("Equity", 0.9993, "Cash", 0.0007), "Large Growth", null,
            "Yahoo topHoldings/fundProfile");

    @Test
    void fundamentalsWithAFundsBreakdownComeBackWhole() {
        Fundamentals qqq = new Fundamentals("QQQ", "Invesco QQQ Trust", "ETF", null, "USD", 34.286358, null, null,
                0.0054, null, QQQ_BREAKDOWN);

        Fundamentals read = found(MarketDataJson.decodeFundamentals(MarketDataJson.encode(qqq)));

        assertThat(read).isEqualTo(qqq);
        assertThat(read.fund().sectors()).containsExactly(Map.entry("technology", 0.5083),
                Map.entry("communication_services", 0.1608));
        assertThat(read.fund().assetClasses()).containsExactly(Map.entry("Equity", 0.9993), Map.entry("Cash", 0.0007));
    }

    @Test
    void aStocksCountryAndAFundsRegionsAndDateComeBack() {
        Fundamentals roche = new Fundamentals("ROG.SW", "Roche", "EQUITY", "Health Care", "CHF", 15.5, null, null,
                0.04, "Switzerland", null);
        Fundamentals iwda = new Fundamentals("IWDA.AS", null, "ETF", null, null, null, null, null, null, null,
                new FundBreakdown(Map.of(), orderedMap("North America", 0.75, "Europe", 0.25), Map.of(), null,
                        "2024-12-24", "funds.csv: iShares holdings"));

        assertThat(found(MarketDataJson.decodeFundamentals(MarketDataJson.encode(roche)))).isEqualTo(roche);
        Fundamentals read = found(MarketDataJson.decodeFundamentals(MarketDataJson.encode(iwda)));
        assertThat(read).isEqualTo(iwda);
        assertThat(read.fund().regions()).containsExactly(Map.entry("North America", 0.75), Map.entry("Europe", 0.25));
    }

    @Test
    void aDocumentOfThePreviousVersionStillReads() {
        // as the version before country and fund wrote it (etf was the isEtf() getter's)
        String previous = "{\"kind\":\"fundamentals\",\"symbol\":\"SPY\",\"name\":\"SPDR S&P 500 ETF Trust\","
                + "\"instrument_type\":\"ETF\",\"sector\":\"Diversified\",\"currency\":\"USD\",\"trailing_pe\":null,"
                + "\"forward_pe\":null,\"peg_ratio\":null,\"dividend_yield\":0.0123,\"etf\":true}";

        Fundamentals read = found(MarketDataJson.decodeFundamentals(previous));

        assertThat(read).isEqualTo(new Fundamentals("SPY", "SPDR S&P 500 ETF Trust", "ETF", "Diversified", "USD",
                null, null, null, 0.0123));
        assertThat(read.country()).isNull();
        assertThat(read.fund()).isNull();
    }

    @Test
    void aNoDataAnswerStaysOne() {
        Fetched<Fundamentals> read = MarketDataJson.decodeFundamentals(
                MarketDataJson.encode(new NoDataException("ADH", "no fundamentals for ADH: No fundamentals data found")));

        assertThat(read).isInstanceOf(Fetched.NoData.class);
    }

    private static Fundamentals found(Fetched<Fundamentals> fetched) {
        assertThat(fetched).isInstanceOf(Fetched.Found.class);
        return ((Fetched.Found<Fundamentals>) fetched).value();
    }

    private static Map<String, Double> orderedMap(String firstKey, double first, String secondKey, double second) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(firstKey, first);
        map.put(secondKey, second);
        return map;
    }
}
