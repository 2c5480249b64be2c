package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonPortfolioTest {

    @Test
    void readsBaseCurrencyAndPositionsWithTheCsvFieldNames() {
        PortfolioImport imported = read("api.json", """
                {
                  "base_currency": "eur",
                  "positions": [
                    {"symbol": "AAPL", "market_value": 3903.42, "name": "Apple Inc.", "entry_price": 132.5,
                     "acquired": "2021-03-15", "sector": "Information Technology", "asset_type": "Stock"},
                    {"symbol": "KO", "quantity": 12, "price": 63.47, "currency": "USD"}
                  ]
                }
                """);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.JSON);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("EUR");
        assertThat(position(imported, "AAPL")).isEqualTo(new Position("AAPL", "AAPL", "Apple Inc.", 3903.42, null,
                null, 132.5, null, "Information Technology", "Stock", LocalDate.of(2021, 3, 15), 4));
        Position cocaCola = position(imported, "KO");
        assertThat(cocaCola.marketValue()).isEqualTo(12 * 63.47);
        assertThat(cocaCola.currentPrice()).isEqualTo(63.47);
        assertThat(cocaCola.currency()).isEqualTo("USD");
        assertThat(cocaCola.sourceLine()).isEqualTo(6);
    }

    @Test
    void defaultsTheBaseCurrencyAndAcceptsCamelCaseAndNumbersAsText() {
        PortfolioImport imported = read("camel.json", """
                {"base_currency": null, "positions": [{"symbol": "BRKb:xnys", "marketValue": "8 679,50", "assetType": null, "ignored": {"a": 1}}]}
                """);

        assertThat(imported.portfolio().baseCurrency()).isEqualTo("USD");
        Position berkshire = position(imported, "BRK-B");
        assertThat(berkshire.marketValue()).isEqualTo(8679.50);
        assertThat(berkshire.sourceSymbol()).isEqualTo("BRKb:xnys");
        assertThat(berkshire.assetType()).isNull();
    }

    @Test
    void aJsonNumberIsNeverAmbiguousAndTextNumbersFollowTheirField() {
        PortfolioImport imported = read("api.json", """
                {"positions": [
                  {"symbol": "AAPL", "quantity": 1.234, "price": 100, "entry_price": "1,234.50"},
                  {"symbol": "KO", "market_value": "2,000", "entry_price": "2,000"},
                  {"symbol": "MSFT", "market_value": "1,234.50"}
                ]}
                """);

        assertThat(position(imported, "AAPL").quantity()).isEqualTo(1.234);
        assertThat(position(imported, "KO").marketValue()).isEqualTo(2000.0);
        assertThat(position(imported, "KO").entryPrice()).isEqualTo(2000.0);
    }

    @Test
    void refusesATextFieldWhoseNumbersCouldBeReadEitherWay() {
        assertThatThrownBy(() -> read("api.json", """
                {"positions": [
                  {"symbol": "AAPL", "market_value": 100},
                  {"symbol": "KO", "marketValue": "1.500"}
                ]}
                """))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("marketValue");
                    assertThat(error.getMessage()).contains("'1.500' could be 1500 ('.' separating thousands)"
                            + " or 1.5 ('.' before decimals)");
                });
    }

    @Test
    void reportsAnUnreadablePositionAtItsLineWithTheFieldName() {
        PortfolioImport imported = read("api.json", """
                {"base_currency": "USD",
                 "positions": [
                   {"symbol": "AAPL", "market_value": 100},
                   {"symbol": "MSFT",
                    "market_value": "12,3x"},
                   {"market_value": 5},
                   {"symbol": "NVDA", "market_value": -1},
                   "TSLA"
                 ]}
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::symbol).containsExactly("AAPL");
        assertThat(imported.skippedRows()).containsExactly(
                new RowProblem(4, "market_value", "'12,3x' is not a number"),
                new RowProblem(6, "symbol", "no symbol"),
                new RowProblem(7, "market_value", "'-1' is negative; a position's value must be 0 or more"
                        + " (short positions are not analysed)"),
                new RowProblem(8, null, "position 5 is \"TSLA\", not an object"));
    }

    @Test
    void refusesMalformedJsonWithTheParsersLineAndColumn() {
        assertThatThrownBy(() -> read("broken.json", """
                {"positions": [
                  {"symbol": "AAPL", "market_value": 100},
                  {"symbol": "MSFT" "market_value": 50}
                ]}
                """))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.source()).isEqualTo("broken.json");
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("21");
                    assertThat(error.getMessage()).startsWith("broken.json, line 3, column 21: malformed JSON: ");
                });
    }

    @Test
    void reportsNaNAndInfinityAsNumbersThatAreNotNumbersAtTheirLine() {
        PortfolioImport imported = read("api.json", """
                {"positions": [
                  {"symbol": "AAPL", "market_value": 100},
                  {"symbol": "MSFT", "market_value": NaN},
                  {"symbol": "NVDA", "market_value": -Infinity}
                ]}
                """);

        assertThat(imported.skippedRows()).extracting(RowProblem::toString).containsExactly(
                "line 3, column 'market_value': 'NaN' is not a number",
                "line 4, column 'market_value': '-Infinity' is not a number");
    }

    @Test
    void explainsMalformedJsonWithoutTheParsersInternals() {
        String deep = "{\"positions\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        String[] broken = {deep, "{\"positions\": [{\"symbol\": \"AAPL\"", "{\"positions\": /* mine */ []}",
                "{'positions': []}", "{\"positions\": [01]}", "{\"" + "k".repeat(60_000) + "\": 1}",
                "{\"positions\": [{\"symbol\": \"A\", \"market_value\": 1" + "0".repeat(2_000) + "}]}"};

        for (String json : broken) {
            assertThatThrownBy(() -> read("api.json", json))
                    .isInstanceOf(PortfolioFormatException.class)
                    .message().startsWith("api.json, line 1")
                    .doesNotContain("Feature").doesNotContain("StreamRead").doesNotContain("REDACTED")
                    .doesNotContain("`").doesNotContain("(code ");
        }
        assertThatThrownBy(() -> read("api.json", deep)).hasMessageContaining("nested more than");
        assertThatThrownBy(() -> read("api.json", broken[1])).hasMessageContaining("the JSON ends before");
    }

    @Test
    void stripsControlCharactersFromFieldNamesAndQuotedValues() {
        PortfolioImport imported = read("api.json", """
                {"positions": [
                  {"symbol": "AAPL", "market_value": 100, "name": "Apple\u009b2J"},
                  "\u009b31mTSLA",
                  {"symbol": "KO", "market\u007f_value": "x"}
                ]}
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::name).containsExactly("Apple");
        assertThat(imported.skippedRows()).extracting(RowProblem::toString).containsExactly(
                "line 3: position 2 is \"TSLA\", not an object",
                "line 4, column 'market_value': 'x' is not a number");
    }

    @Test
    void refusesJsonWithoutPositions() {
        assertThatThrownBy(() -> read("empty.json", "{\"base_currency\": \"USD\"}"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessageStartingWith("empty.json: no 'positions' array; expected {\"base_currency\": \"USD\", \"positions\": [");
    }

    @Test
    void refusesPositionsThatAreNotAnArray() {
        assertThatThrownBy(() -> read("object.json", "{\n\"positions\": {\"symbol\": \"AAPL\"}}"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.getMessage()).contains("'positions' is not an array");
                });
    }

    @Test
    void refusesABaseCurrencyThatIsNotACode() {
        assertThatThrownBy(() -> read("euro.json", "{\"base_currency\": \"Euro\", \"positions\": []}"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.column()).isEqualTo("base_currency");
                    assertThat(error.getMessage()).isEqualTo("euro.json, line 1, column 'base_currency': not a currency"
                            + " code; expected three letters such as \"EUR\"");
                });
    }

    @Test
    void refusesContentAfterThePortfolio() {
        assertThatThrownBy(() -> read("twice.json", "{\"positions\": [{\"symbol\": \"A\", \"market_value\": 1}]}\n{}"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(2);
                    assertThat(error.getMessage()).contains("unexpected content after the portfolio object");
                });
    }
}
