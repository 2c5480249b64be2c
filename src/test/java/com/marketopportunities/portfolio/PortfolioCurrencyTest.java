package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.read;
import static com.marketopportunities.portfolio.PortfolioReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which currency a portfolio's figures are in, whatever the format (EXPOSURE.md 3). */
class PortfolioCurrencyTest {

    @Test
    void aPlainCsvValueIsInItsCurrencyColumnElseInTheBaseCurrency() {
        PortfolioImport imported = read("mixed.csv", """
                symbol,market_value,currency
                NESN.SW,1000,chf
                AAPL,2000,
                """);
        Portfolio portfolio = imported.portfolio();

        assertThat(portfolio.values()).isEqualTo(Portfolio.Values.IN_POSITION_CURRENCY);
        assertThat(portfolio.valueCurrency(position(imported, "NESN.SW"))).isEqualTo("CHF");
        assertThat(portfolio.valueCurrency(position(imported, "AAPL"))).isEqualTo("USD");
        assertThat(portfolio.priceCurrency(position(imported, "AAPL"))).isEqualTo("USD");
    }

    @Test
    void keepsTheProvidersMinorUnitsAsWrittenAndUpperCasesIsoCodes() {
        // upper-casing GBp made pounds of pence: a value 100 times too large
        PortfolioImport imported = read("london.csv", """
                symbol,quantity,price,currency
                VOD.L,1000,95.5,GBp
                NPN.JO,10,300000,ZAc
                BARC.L,100,1.5,gbp
                SHEL.L,100,2500,GBX
                """);

        assertThat(position(imported, "VOD.L").currency()).isEqualTo("GBp");
        assertThat(position(imported, "VOD.L").marketValue()).isEqualTo(95_500.0); // pence, as the file says
        assertThat(imported.portfolio().valueCurrency(position(imported, "VOD.L"))).isEqualTo("GBp");
        assertThat(position(imported, "NPN.JO").currency()).isEqualTo("ZAc");
        assertThat(position(imported, "BARC.L").currency()).isEqualTo("GBP");
        assertThat(position(imported, "SHEL.L").currency()).isEqualTo("GBX");
    }

    @Test
    void jsonKeepsMinorUnitsToo() {
        PortfolioImport imported = read("api.json", """
                {"positions": [{"symbol": "VOD.L", "market_value": 95500, "currency": "GBp"}]}
                """);

        assertThat(position(imported, "VOD.L").currency()).isEqualTo("GBp");
    }

    @Test
    void theFilesBaseCurrencyComesBeforeTheUsersChoice() {
        Portfolio named = read("api.json", """
                {"base_currency": "CHF", "positions": [{"symbol": "AAPL", "market_value": 100}]}
                """).portfolio();

        assertThat(named.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.PORTFOLIO);
        assertThat(named.withBaseCurrencyChoice("EUR").baseCurrency()).isEqualTo("CHF");
        assertThat(named.withBaseCurrencyChoice("EUR")).isSameAs(named);
    }

    @Test
    void theUsersChoiceComesBeforeUsd() {
        Portfolio unnamed = read("plain.csv", "symbol,market_value\nAAPL,100\n").portfolio();

        assertThat(unnamed.baseCurrency()).isEqualTo("USD");
        assertThat(unnamed.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.DEFAULT);
        Portfolio chosen = unnamed.withBaseCurrencyChoice("EUR");
        assertThat(chosen.baseCurrency()).isEqualTo("EUR");
        assertThat(chosen.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.USER);
        assertThat(chosen.positions()).isEqualTo(unnamed.positions());
        // a position without a currency column is in the base currency, now the user's
        assertThat(chosen.valueCurrency(chosen.positions().get(0))).isEqualTo("EUR");
        assertThat(unnamed.withBaseCurrencyChoice(null)).isSameAs(unnamed);
    }

    @Test
    void aJsonBaseCurrencyOfNullIsNoBaseCurrencyAndTheUserMayChoose() {
        Portfolio portfolio = read("api.json", """
                {"base_currency": null, "positions": [{"symbol": "AAPL", "market_value": 100}]}
                """).portfolio();

        assertThat(portfolio.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.DEFAULT);
        assertThat(portfolio.withBaseCurrencyChoice("JPY").baseCurrency()).isEqualTo("JPY");
    }

    @Test
    void refusesAJsonBaseCurrencyThatIsNoIsoCode() {
        assertThatThrownBy(() -> read("api.json", """
                {"base_currency": "XYZ", "positions": [{"symbol": "AAPL", "market_value": 100}]}
                """))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(1);
                    assertThat(error.column()).isEqualTo("base_currency");
                    assertThat(error.getMessage()).contains("'XYZ' is not an ISO 4217 currency code");
                });
    }

    @Test
    void aSaxoExportsValuesAreInTheAccountCurrencyWhateverTheDeviseColumnSays() {
        PortfolioImport imported = readFixture("saxo-fr.csv");
        Portfolio portfolio = imported.portfolio();
        Position apple = position(imported, "AAPL");

        assertThat(apple.currency()).isEqualTo("USD");   // Devise: the instrument's currency
        assertThat(portfolio.baseCurrency()).isEqualTo("EUR");
        assertThat(portfolio.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.PORTFOLIO);
        assertThat(portfolio.values()).isEqualTo(Portfolio.Values.IN_BASE_CURRENCY);
        assertThat(portfolio.valueCurrency(apple)).isEqualTo("EUR");   // nothing to convert
        assertThat(portfolio.priceCurrency(apple)).isEqualTo("USD");   // its prices and history stay in dollars
        assertThat(portfolio.withBaseCurrencyChoice("CHF")).isSameAs(portfolio);
    }

    @Test
    void aSaxoExportWithoutBracketTakesItsValuesInTheChosenBaseCurrency() {
        Portfolio portfolio = read("export.csv", "Instrument,Status,Symbol,Market Value,Currency\n"
                + "Coca-Cola,Open,KO,761.64,USD\n").portfolio();

        assertThat(portfolio.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.DEFAULT);
        Portfolio chosen = portfolio.withBaseCurrencyChoice("EUR");
        assertThat(chosen.values()).isEqualTo(Portfolio.Values.IN_BASE_CURRENCY);
        assertThat(chosen.valueCurrency(chosen.positions().get(0))).isEqualTo("EUR");
    }

    @Test
    void aPortfolioBuiltWithABaseCurrencyNamesItItself() {
        Portfolio given = new Portfolio("eur", List.of(Position.of("AAPL", 1)));
        Portfolio none = new Portfolio(null, List.of(Position.of("AAPL", 1)));

        assertThat(given.baseCurrency()).isEqualTo("EUR");
        assertThat(given.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.PORTFOLIO);
        assertThat(none.baseCurrency()).isEqualTo("USD");
        assertThat(none.baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.DEFAULT);
    }
}
