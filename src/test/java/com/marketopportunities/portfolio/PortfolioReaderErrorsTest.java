package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that cannot be imported at all: the message names the file, the line and what was expected. */
class PortfolioReaderErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n\r\n ", "\uFEFF", "\uFEFF\n\n"})
    void refusesAnEmptyFile(String content) {
        assertThatThrownBy(() -> read("empty.csv", content))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("empty.csv: the file is empty; expected a CSV header such as 'symbol,market_value',"
                        + " a Saxo position export, or a JSON object with 'positions'");
    }

    @Test
    void refusesBinaryDataAsNotATextFile() throws IOException {
        byte[] garbage = new byte[4_096];
        new java.util.Random(42).nextBytes(garbage);
        byte[] zip = "PK\u0003\u0004\u0014\u0000\u0006\u0000symbol,market_value".getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] content : new byte[][] {garbage, zip}) {
            assertThatThrownBy(() -> new PortfolioReader().read("portfolio.xlsx", new ByteArrayInputStream(content), null))
                    .isInstanceOf(PortfolioFormatException.class)
                    .hasMessage("portfolio.xlsx: not a text file (it holds binary data, as a spreadsheet or a PDF"
                            + " does); expected a CSV or JSON text file: save a spreadsheet as CSV");
        }
    }

    @Test
    void anErrorMessageCarriesNoControlCharacterOfTheFile() {
        assertThatThrownBy(() -> read("evil\u001b[2J.csv", "ticker\u001b]0;pwned\u0007,value\nAAPL,1\n"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("evil.csv, line 1: no 'symbol' column; expected a header with 'symbol' and 'market_value'"
                        + " (or 'quantity' and 'price'), found: ticker, value");
    }

    @Test
    void refusesAFileOfEmptyCells() {
        assertThatThrownBy(() -> read("commas.csv", ",,,\n\n , ,\n"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("commas.csv: no header line; the file has only empty lines");
    }

    @Test
    void refusesAHeaderWithoutSymbolNamingWhatItFound() {
        assertThatThrownBy(() -> read("tech.csv", "ticker,value\nAAPL,100\n"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.source()).isEqualTo("tech.csv");
                    assertThat(error.line()).isEqualTo(1);
                    assertThat(error.getMessage()).isEqualTo("tech.csv, line 1: no 'symbol' column; expected a header"
                            + " with 'symbol' and 'market_value' (or 'quantity' and 'price'), found: ticker, value");
                });
    }

    @Test
    void refusesAHeaderWithoutValueColumns() {
        assertThatThrownBy(() -> read("prices.csv", "\nSymbol,Price\nAAPL,146.63\n"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("prices.csv, line 2: no 'market_value' column and no 'quantity' and 'price' columns;"
                        + " expected a header with 'symbol' and 'market_value' (or 'quantity' and 'price'),"
                        + " found: Symbol, Price");
    }

    @Test
    void refusesAQuoteThatIsNeverClosedAtTheLineOfItsRow() {
        assertThatThrownBy(() -> read("quotes.csv", "symbol,name,market_value\nAAPL,Apple,1\nMSFT,\"Microsoft,2\nNVDA,Nvidia,3\n"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.getMessage()).startsWith("quotes.csv, line 3: not readable as CSV (")
                            .endsWith("); expected each quote to be closed before the next delimiter");
                });
    }

    @Test
    void refusesAFileWithoutAReadablePositionListingTheFirstProblems() {
        assertThatThrownBy(() -> read("bad.csv", "symbol,market_value\nAAPL,x\nMSFT,-1\n"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("bad.csv: no position could be read; 2 rows could not be read:"
                        + " line 2, column 'market_value': 'x' is not a number;"
                        + " line 3, column 'market_value': '-1' is negative; a position's value must be 0 or more"
                        + " (short positions are not analysed)");
    }

    @Test
    void refusesAPortfolioWorthNothing() {
        assertThatThrownBy(() -> read("zero.csv", "symbol,market_value\nAAPL,0\nKO,\"0,00\"\n"))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isZero();
                    assertThat(error.getMessage()).isEqualTo("zero.csv: the portfolio is worth nothing: the market"
                            + " value of each of its 2 positions is 0; expected at least one position worth more than 0");
                });
    }

    @Test
    void refusesAHeaderWithoutRows() {
        assertThatThrownBy(() -> read("header.csv", "symbol,market_value\n"))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("header.csv: no position could be read; the file has no rows after its header");
    }

    @Test
    void refusesASaxoExportWhoseRowsAreAllLeftOutSayingWhy() {
        assertThatThrownBy(() -> read("closed.csv", """
                Instruments,Statut,Valeur actuelle (EUR),Symbole
                Actions (1),,10,
                Tesla,Fermé,10,TSLA:xnas
                """))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("closed.csv: no position could be read; skipped 1 group row (Actions (1)): they carry"
                        + " subtotals, not positions; left out 1 closed position (line 3): a closed position is no"
                        + " longer held");
    }

    @Test
    void readsAFileOfExactlyTheSizeLimit() throws IOException {
        String start = "symbol,market_value,name\nAAPL,100,\"";
        byte[] content = new byte[Math.toIntExact(PortfolioReader.MAX_BYTES)];
        Arrays.fill(content, (byte) 'x');
        System.arraycopy(start.getBytes(StandardCharsets.US_ASCII), 0, content, 0, start.length());
        content[content.length - 1] = '"';

        PortfolioImport imported = new PortfolioReader().read("big.csv", new ByteArrayInputStream(content), null);

        assertThat(imported.portfolio().positions()).hasSize(1);
    }

    @Test
    void refusesOneByteMoreThanTheSizeLimitWhateverTheStreamAnnounces() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int available() {
                return 10; // a length that must not be trusted
            }
        };

        assertThatThrownBy(() -> new PortfolioReader().read("upload.csv", endless, null))
                .isInstanceOf(PortfolioFormatException.class)
                .hasMessage("upload.csv: the file is larger than the limit of 10 MB (10485760 bytes)");
    }

    @Test
    void readsExactlyThePositionLimit() {
        PortfolioImport imported = read("many.csv", positions(PortfolioReader.MAX_POSITIONS));

        assertThat(imported.portfolio().positions()).hasSize(10_000);
        assertThat(imported.portfolio().totalValue()).isEqualTo(10_000.0);
    }

    @Test
    void refusesOnePositionMoreThanTheLimit() {
        assertThatThrownBy(() -> read("many.csv", positions(PortfolioReader.MAX_POSITIONS + 1)))
                .isInstanceOfSatisfying(PortfolioFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(10_002);
                    assertThat(error.getMessage()).isEqualTo(
                            "many.csv, line 10002: more than 10000 positions; the limit is 10000 positions per portfolio");
                });
    }

    @Test
    void namesTheFileOfAPathWithoutItsDirectories(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("tech.csv"), "ticker,value\nAAPL,1\n");

        assertThatThrownBy(() -> new PortfolioReader().read(file, null))
                .isInstanceOfSatisfying(PortfolioFormatException.class,
                        error -> assertThat(error.getMessage()).startsWith("tech.csv, line 1: no 'symbol' column"));
    }

    private static String positions(int count) {
        StringBuilder csv = new StringBuilder("symbol,market_value\n");
        for (int i = 0; i < count; i++) {
            csv.append('S').append(i).append(",1\n");
        }
        return csv.toString();
    }
}
