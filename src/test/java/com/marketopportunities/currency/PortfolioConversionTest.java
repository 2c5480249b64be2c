package com.marketopportunities.currency;

import static com.marketopportunities.currency.FxFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A portfolio's values in its base currency, on pairs written here (no market-data folder needed). */
class PortfolioConversionTest {

    static Position position(String symbol, double value, String currency) {
        return new Position(symbol, symbol, null, value, null, null, null, currency, null, null, null, 0);
    }

    @Test
    void convertsEachValueAtItsCurrencysRateAndPenceAtAHundredthOfIt() {
        FxFixture fx = new FxFixture().pair("USDEUR=X", "2022-12-05", 0.944555).pair("GBPEUR=X", "2022-12-05", 1.16164);
        Portfolio portfolio = new Portfolio("EUR", List.of(position("AAPL", 10_000, "USD"),
                position("VOD.L", 95_500, "GBp"), position("SAP.DE", 2_000, null), position("MSFT", 5_000, "USD")));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2022-12-05"), new FxRates(fx));

        // 10,000 x 0.944555 = 9,445.55; 95,500 GBp = 955 GBP x 1.16164 = 1,109.3662; 2,000 EUR as is;
        // 5,000 x 0.944555 = 4,722.775
        assertThat(conversion.portfolio().positions()).extracting(Position::marketValue).satisfiesExactly(
                apple -> assertThat(apple).isCloseTo(9_445.55, within(1e-9)),
                vodafone -> assertThat(vodafone).isCloseTo(1_109.3662, within(1e-9)),
                sap -> assertThat(sap).isEqualTo(2_000.0),
                microsoft -> assertThat(microsoft).isCloseTo(4_722.775, within(1e-9)));
        assertThat(conversion.totalValue()).isCloseTo(17_277.6912, within(1e-9));
        assertThat(conversion.baseCurrency()).isEqualTo("EUR");
        assertThat(conversion.portfolio().values()).isEqualTo(Portfolio.Values.IN_BASE_CURRENCY);
        ConvertedPosition vodafone = conversion.converted().get(1);
        assertThat(vodafone.valueCurrency()).isEqualTo("GBp");
        assertThat(vodafone.originalValue()).isEqualTo(95_500.0);
        assertThat(vodafone.factor()).isCloseTo(0.0116164, within(1e-12));
        assertThat(vodafone.rate().rate()).isEqualTo(1.16164);
        assertThat(vodafone.position().currency()).isEqualTo("GBp");   // its prices are still in pence
        assertThat(conversion.converted().get(2).rate().legs()).isEmpty();
        assertThat(conversion.unconverted()).isEmpty();
        assertThat(conversion.warnings()).isEmpty();
        assertThat(fx.asked).containsExactly("USDEUR=X", "GBPEUR=X");   // once per currency
    }

    @Test
    void leavesOutWhatCannotBeConvertedNamingEachWithItsCurrencyAndReason() {
        FxFixture fx = new FxFixture().pair("USDEUR=X", "2022-12-05", 0.944555);
        Portfolio portfolio = new Portfolio("EUR", List.of(position("AAPL", 10_000, "USD"),
                position("XYZ", 500, "XYZ"), position("NPN.JO", 300_000, "ZAc"), position("SOL.JO", 100_000, "ZAc")));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2022-12-05"), new FxRates(fx));

        assertThat(conversion.totalValue()).isCloseTo(9_445.55, within(1e-9));   // never the raw 410,000 more
        assertThat(conversion.portfolio().positions()).extracting(Position::symbol).containsExactly("AAPL");
        String noRand = "no ZAR->EUR rate on or before 2022-12-05; tried ZAREUR=X (no data), EURZAR=X (no data),"
                + " ZARUSD=X (no data), USDZAR=X (no data)";
        assertThat(conversion.unconverted()).containsExactly(
                new UnconvertedPosition("XYZ", "XYZ", "not an ISO 4217 code"),
                new UnconvertedPosition("NPN.JO", "ZAc", noRand),
                new UnconvertedPosition("SOL.JO", "ZAc", noRand));
        assertThat(conversion.warnings()).containsExactly("3 positions could not be converted to EUR and are left out"
                + " of every figure: XYZ (currency XYZ: not an ISO 4217 code); NPN.JO, SOL.JO (currency ZAc: " + noRand + ")");
    }

    @Test
    void aSaxoExportsValuesAreAlreadyInTheAccountCurrency() {
        FxFixture fx = new FxFixture();
        Portfolio saxo = new Portfolio("EUR", Portfolio.BaseCurrencyOrigin.PORTFOLIO, Portfolio.Values.IN_BASE_CURRENCY,
                List.of(position("AAPL", 13_963.81, "USD"), position("SLHN.SW", 5_291.29, "CHF")));

        PortfolioConversion conversion = PortfolioConversion.of(saxo, day("2022-12-05"), new FxRates(fx));

        assertThat(conversion.totalValue()).isCloseTo(13_963.81 + 5_291.29, within(1e-9));
        assertThat(conversion.converted()).allSatisfy(converted -> assertThat(converted.factor()).isEqualTo(1.0));
        assertThat(fx.asked).isEmpty();
    }

    @Test
    void warnsOfARateOlderThanAWeek() {
        FxFixture fx = new FxFixture().pair("CHFEUR=X", "2024-03-08", 1.04297);
        Portfolio portfolio = new Portfolio("EUR", List.of(position("NESN.SW", 1_000, "CHF")));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2024-03-20"), new FxRates(fx));

        assertThat(conversion.totalValue()).isCloseTo(1_042.97, within(1e-9));
        assertThat(conversion.warnings()).containsExactly("the CHF->EUR rate is of 2024-03-08, 12 days before"
                + " 2024-03-20 (CHFEUR=X has nothing later); values in CHF are converted at it");
    }

    @Test
    void aBaseCurrencyThatIsNoIsoCodeConvertsNothing() {
        Portfolio portfolio = new Portfolio("XYZ", List.of(position("AAPL", 1_000, "USD"), position("ABC", 10, null)));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2022-12-05"), new FxRates(new FxFixture()));

        assertThat(conversion.totalValue()).isZero();
        assertThat(conversion.unconverted()).extracting(UnconvertedPosition::reason)
                .containsOnly("the base currency XYZ is not an ISO 4217 code");
    }
}
