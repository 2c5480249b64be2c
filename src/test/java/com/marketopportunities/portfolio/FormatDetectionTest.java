package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatDetectionTest {

    @Test
    void jsonWhenTheFirstVisibleCharacterIsABraceEvenAfterAByteOrderMark() {
        PortfolioImport imported = read("api.txt", "\uFEFF \n  {\"positions\": [{\"symbol\": \"KO\", \"market_value\": 1}]}");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.JSON);
    }

    @Test
    void aTopLevelJsonArrayIsJsonAndToldWhatShapeIsExpected() {
        assertThatThrownBy(() -> read("api.json", "[{\"symbol\": \"KO\", \"market_value\": 1}]"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("api.json, line 1: the portfolio is a JSON array; expected an object that holds it:"
                        + " {\"base_currency\": \"USD\", \"positions\": [{\"symbol\": \"AAPL\","
                        + " \"market_value\": 3903.42}, ...]}");
    }

    @Test
    void plainCsvWithAByteOrderMark() {
        PortfolioImport imported = read("excel.csv", "\uFEFFsymbol,market_value\nKO,1\n");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.CSV);
        assertThat(imported.portfolio().positions()).singleElement()
                .satisfies(position -> assertThat(position.symbol()).isEqualTo("KO"));
    }

    @Test
    void saxoWhenThereAreInstrumentAndStatusColumns() {
        PortfolioImport imported = read("export.csv", "Instrument,Status,Symbol,Market Value\nCoca-Cola,Open,KO,761.64\n");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("USD");
        assertThat(imported.notes()).containsExactly(
                "the value column 'Market Value' names no currency in brackets; values are taken as in the base"
                        + " currency you choose, else USD");
    }

    @Test
    void saxoWhenThereIsAnInstrumentColumnAndExchangeSymbols() {
        PortfolioImport imported = read("export.csv", "Instruments,Symbole,Valeur actuelle\nCoca-Cola,KO:xnys,761.64\n");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
    }

    @Test
    void saxoWhenTheValueColumnNamesACurrencyAndSymbolsNameExchanges() {
        PortfolioImport imported = read("export.csv", "Symbol,Market Value (EUR)\nKO:xnys,725.37\n");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("EUR");
    }

    @Test
    void plainCsvWhenOnlyTheSymbolsLookLikeSaxos() {
        PortfolioImport imported = read("mine.csv", "symbol,quantity,price\nKO:xnys,12,63.47\n");

        assertThat(imported.format()).isEqualTo(PortfolioFormat.CSV);
        assertThat(imported.portfolio().positions().get(0).symbol()).isEqualTo("KO");
    }

    @Test
    void aForcedFormatIsNotSecondGuessed() {
        PortfolioImport imported = read("export.csv", "Instrument,Status,symbol,market_value\nCoca-Cola,Open,KO,761.64\n",
                PortfolioFormat.CSV);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.CSV);
        assertThatThrownBy(() -> read("data.csv", "symbol,market_value\nKO,1\n", PortfolioFormat.JSON))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessageStartingWith("data.csv, line 1, column 1: malformed JSON: ");
        assertThatThrownBy(() -> read("data.json", "{\"positions\": []}", PortfolioFormat.CSV))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessageContaining("no 'symbol' column");
    }
}
