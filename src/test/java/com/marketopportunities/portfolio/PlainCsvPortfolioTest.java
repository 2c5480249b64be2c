package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlainCsvPortfolioTest {

    @Test
    void readsMarketValuesAndOptionalColumns() {
        PortfolioImport imported = read("values.csv", """
                symbol,market_value,name,currency,sector,asset_type,entry_price,current_price,acquired
                AAPL,3903.42,Apple Inc.,usd,Information Technology,Stock,132.5,146.63,2021-03-15
                XLV,1384.40,,,,ETF,,,
                """);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.CSV);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("USD");
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(imported.notes()).isEmpty();
        assertThat(position(imported, "AAPL")).isEqualTo(new Position("AAPL", "AAPL", "Apple Inc.", 3903.42, null,
                146.63, 132.5, "USD", "Information Technology", "Stock", LocalDate.of(2021, 3, 15), 2));
        assertThat(position(imported, "XLV")).isEqualTo(new Position("XLV", "XLV", null, 1384.40, null,
                null, null, null, null, "ETF", null, 3));
    }

    @Test
    void computesTheValueFromQuantityAndPriceWhichAlsoGivesTheCurrentPrice() {
        PortfolioImport imported = read("quantities.csv", """
                symbol,quantity,price
                MSFT,10,250.20
                """);

        Position microsoft = position(imported, "MSFT");
        assertThat(microsoft.marketValue()).isEqualTo(2502.0);
        assertThat(microsoft.quantity()).isEqualTo(10.0);
        assertThat(microsoft.currentPrice()).isEqualTo(250.20);
    }

    @Test
    void aGivenMarketValueAndCurrentPriceWinOverQuantityTimesPrice() {
        PortfolioImport imported = read("both.csv", """
                symbol,quantity,price,current_price,market_value
                MSFT,10,250,251,2600
                """);

        Position microsoft = position(imported, "MSFT");
        assertThat(microsoft.marketValue()).isEqualTo(2600.0);
        assertThat(microsoft.currentPrice()).isEqualTo(251.0);
    }

    @Test
    void matchesHeadersWhateverTheirCaseAndSeparators() {
        PortfolioImport imported = read("excel.csv", """
                Symbol,Market Value,Entry-Price,ASSET_TYPE,Current Price
                aapl,100,90,Stock,95
                """);

        Position apple = position(imported, "AAPL");
        assertThat(apple.sourceSymbol()).isEqualTo("aapl");
        assertThat(apple.marketValue()).isEqualTo(100.0);
        assertThat(apple.entryPrice()).isEqualTo(90.0);
        assertThat(apple.currentPrice()).isEqualTo(95.0);
        assertThat(apple.assetType()).isEqualTo("Stock");
    }

    @Test
    void readsSemicolonsWithDecimalCommas() {
        PortfolioImport imported = read("european.csv", """
                symbol;quantity;price
                KO;12;63,47
                PG;3;"1 149,5"
                """);

        assertThat(imported.portfolio().positions())
                .extracting(Position::symbol, Position::marketValue)
                .containsExactly(tuple("KO", 12 * 63.47), tuple("PG", 3 * 1149.5));
    }

    @Test
    void decidesTheThousandsSeparatorOfAColumnFromAllItsValues() {
        PortfolioImport imported = read("us.csv", """
                symbol,market_value
                AAPL,"1,234.50"
                MSFT,"12,345.00"
                KO,"2,000"
                """);

        assertThat(position(imported, "KO").marketValue()).isEqualTo(2000.0);
        assertThat(imported.portfolio().totalValue()).isEqualTo(15_579.50);
    }

    @Test
    void aDecimalCommaElsewhereInTheColumnMakesALoneCommaDecimalAndDotsThousands() {
        PortfolioImport commas = read("fr.csv", """
                symbol;market_value;quantity
                AAPL;12,5;"2.000"
                KO;2,000;"1.234,5"
                """);

        assertThat(position(commas, "KO").marketValue()).isEqualTo(2.0);
        assertThat(position(commas, "AAPL").quantity()).isEqualTo(2000.0);
    }

    @Test
    void refusesAColumnWhoseNumbersCouldBeReadEitherWay() {
        assertThatThrownBy(() -> read("ambiguous.csv", """
                symbol,name,market_value
                AAPL,Apple,100
                MSFT,Microsoft,"2,000"
                KO,Coca-Cola,"1,500"
                """))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("market_value");
                    assertThat(error.getMessage()).isEqualTo("ambiguous.csv, line 3, column 'market_value': '2,000'"
                            + " could be 2000 (',' separating thousands) or 2 (',' before decimals), and no other"
                            + " number of the column says which; write it without the separator (2000) or with"
                            + " decimals (2,000.00 or 2.000,00)");
                });
    }

    @Test
    void keepsReadingNumbersThatSayTheirConventionThemselves() {
        PortfolioImport imported = read("mixed.csv", """
                symbol;market_value
                A;8 679 USD
                B;0,06%
                C;7387.1
                D;1.234,56
                E;1'234.5
                F;(12)
                G;0,500
                H;1234,567
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::marketValue)
                .containsExactly(8679.0, 0.06, 7387.1, 1234.56, 1234.5, 0.5, 1234.567);
        assertThat(imported.skippedRows()).extracting(RowProblem::line).containsExactly(7);
    }

    @Test
    void reportsASymbolOutsideTheProvidersAlphabetAtItsLineAndColumn() {
        PortfolioImport imported = read("odd.csv", """
                symbol,market_value
                AAPL,100
                MS FT,50
                "<svg onload=alert(2)>",10
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::symbol).containsExactly("AAPL");
        assertThat(imported.skippedRows()).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(tuple(3, "symbol"), tuple(4, "symbol"));
        assertThat(imported.skippedRows().get(0).message()).startsWith("'MS FT' is not a symbol; expected letters");
    }

    @Test
    void stripsControlCharactersFromEveryTextItKeeps() {
        PortfolioImport imported = read("ansi.csv", "symbol,name,sector,currency,market_value,na\u001bme\n"
                + "AAPL,\u001b[31mApple\u001b[0m Inc.\u0007,\u009b2JTech\u0001nology,us\u001b]0;x\u0007d,100,\n"
                + "MSFT,Microsoft,,,\"50\u001b\",\n");

        Position apple = position(imported, "AAPL");
        assertThat(apple.name()).isEqualTo("Apple Inc.");
        assertThat(apple.sector()).isEqualTo("Technology");
        assertThat(apple.currency()).isEqualTo("USD");
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(position(imported, "MSFT").marketValue()).isEqualTo(50.0);
    }

    @Test
    void readsTabs() {
        PortfolioImport imported = read("tabs.tsv", "symbol\tmarket_value\nKO\t761.64\n");

        assertThat(position(imported, "KO").marketValue()).isEqualTo(761.64);
    }

    @Test
    void reportsBadRowsWithTheirLineAndColumnAndImportsTheOthers() {
        PortfolioImport imported = read("tech.csv", """
                symbol,market_value
                AAPL,100
                MSFT,12,3x
                ,50
                NVDA,-50
                INTC,abc
                AMD,
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::symbol).containsExactly("AAPL");
        assertThat(imported.skippedRows()).extracting(RowProblem::toString).containsExactly(
                "line 3: 3 cells, but the header has 2 columns; a cell that contains the delimiter must be quoted"
                        + " (e.g. \"12,5\")",
                "line 4, column 'symbol': no symbol",
                "line 5, column 'market_value': '-50' is negative; a position's value must be 0 or more"
                        + " (short positions are not analysed)",
                "line 6, column 'market_value': 'abc' is not a number",
                "line 7, column 'market_value': no market value; expected a number");
        assertThat(imported.portfolio().totalValue()).isEqualTo(100.0);
    }

    @Test
    void quotedUnreadableValueIsReportedAsWritten() {
        PortfolioImport imported = read("tech.csv", """
                symbol,market_value
                AAPL,100
                MSFT,"12,3x"
                """);

        assertThat(imported.skippedRows()).containsExactly(
                new RowProblem(3, "market_value", "'12,3x' is not a number"));
    }

    @Test
    void countsLinesOfMultiLineCellsAndBlankLines() {
        PortfolioImport imported = read("notes.csv", "symbol,name,market_value\r\n"
                + "AAPL,\"Apple\r\nInc.\",100\r\n"
                + "\r\n"
                + "MSFT,\"Micro\nsoft\",oops\r\n"
                + "NVDA,Nvidia,200\r\n");

        assertThat(position(imported, "AAPL").name()).isEqualTo("Apple Inc.");
        assertThat(position(imported, "AAPL").sourceLine()).isEqualTo(2);
        assertThat(imported.skippedRows()).containsExactly(new RowProblem(5, "market_value", "'oops' is not a number"));
        assertThat(position(imported, "NVDA").sourceLine()).isEqualTo(7);
    }

    @Test
    void tellsWhichQuantityOrPriceIsMissing() {
        PortfolioImport imported = read("quantities.csv", """
                symbol,quantity,price
                MSFT,10,250
                AAPL,,146.63
                NVDA,5,
                """);

        assertThat(imported.skippedRows()).extracting(RowProblem::toString).containsExactly(
                "line 3, column 'quantity': no market value; expected a number or both a quantity and a price",
                "line 4, column 'price': no market value; expected a number or both a quantity and a price");
    }

    @Test
    void ignoresEmptyCellsBeyondTheHeader() {
        PortfolioImport imported = read("trailing.csv", """
                symbol,market_value
                AAPL,100,,
                """);

        assertThat(imported.skippedRows()).isEmpty();
        assertThat(position(imported, "AAPL").marketValue()).isEqualTo(100.0);
    }

    @Test
    void keepsZeroValuePositions() {
        PortfolioImport imported = read("zero.csv", """
                symbol,market_value
                AAPL,100
                KO,0
                """);

        assertThat(position(imported, "KO").marketValue()).isZero();
        assertThat(imported.portfolio().positions()).hasSize(2);
    }

    @Test
    void keepsDuplicateSymbolsAsSeparatePositionsWithANote() {
        PortfolioImport imported = read("lots.csv", """
                symbol,market_value,acquired
                AAPL,100,2021-03-15
                MSFT,50,
                aapl,40,2022-11-21
                """);

        assertThat(imported.portfolio().positions()).extracting(Position::symbol).containsExactly("AAPL", "MSFT", "AAPL");
        assertThat(imported.portfolio().totalValue()).isEqualTo(190.0);
        assertThat(imported.notes()).containsExactly("AAPL appears 2 times (lines 2, 4); kept as separate positions");
    }

    @Test
    void importsAPositionWithoutAnOptionalFieldItCannotReadAndSaysSo() {
        PortfolioImport imported = read("dates.csv", """
                symbol,market_value,entry_price,acquired
                AAPL,100,n/a,15/03/2021
                """);

        Position apple = position(imported, "AAPL");
        assertThat(apple.marketValue()).isEqualTo(100.0);
        assertThat(apple.entryPrice()).isNull();
        assertThat(apple.acquired()).isNull();
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(imported.notes()).containsExactly(
                "line 2, column 'entry_price': 'n/a' is not a number; the position is imported without it",
                "line 2, column 'acquired': '15/03/2021' is not a date; expected e.g. 2022-06-10 or 10-juin-2022;"
                        + " the position is imported without it");
    }

    @Test
    void normalizesSaxoStyleSymbolsInAPlainFileToo() {
        PortfolioImport imported = read("mixed.csv", """
                symbol,market_value
                BRKb:xnys,100
                BRK.B,50
                """);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.CSV);
        assertThat(imported.portfolio().positions()).extracting(Position::symbol).containsExactly("BRK-B", "BRK.B");
        assertThat(imported.notes()).containsExactly(
                "line 3, column 'symbol': 'BRK.B' kept as written; if .B is a share class, the provider writes it BRK-B");
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        byte[] utf16 = "\uFEFFsymbol;name;market_value\nMC.PA;Société LVMH;100\n".getBytes(StandardCharsets.UTF_16LE);

        PortfolioImport imported = new PortfolioReader().read("unicode.csv", new ByteArrayInputStream(utf16), null);

        assertThat(position(imported, "MC.PA").name()).isEqualTo("Société LVMH");
        assertThat(imported.notes()).isEmpty();
    }

    @Test
    void readsAWindows1252FileAndSaysSo() throws Exception {
        byte[] latin = "symbol,name,market_value\nMC.PA,Société LVMH,100\n".getBytes(Charset.forName("windows-1252"));

        PortfolioImport imported = new PortfolioReader().read("excel.csv", new ByteArrayInputStream(latin), null);

        assertThat(position(imported, "MC.PA").name()).isEqualTo("Société LVMH");
        assertThat(imported.notes()).containsExactly("the file is not UTF-8; it was read as Windows-1252");
    }
}
