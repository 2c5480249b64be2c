package com.marketopportunities.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a portfolio file in one of the formats of DATA.md "Portfolios": plain CSV, JSON, or a
 * Saxo Bank position export. Stateless and thread-safe.
 *
 * <p><b>Detection</b> (unless a format is forced): JSON when the first visible character (after
 * a byte-order mark) is <code>{</code> or <code>[</code> (an array is then refused as such, not
 * read as a CSV header); a Saxo export when its header has an
 * {@code Instrument(s)} column together with a {@code Statut}/{@code Status} column, a value
 * column naming the account currency ({@code Valeur actuelle (EUR)}) or {@code TICKER:exchange}
 * symbols; plain CSV otherwise. CSV files may be delimited by
 * {@code ,}, {@code ;} or tabs, whichever the header uses most.
 *
 * <p><b>Whole-file errors</b> throw {@link PortfolioFormatException} naming the file, the line
 * (and column where there is one) and what was expected: an empty file, a header without the
 * required columns, malformed CSV or JSON, more than {@link #MAX_BYTES} bytes (counted while
 * reading) or {@link #MAX_POSITIONS} positions, not one readable position (the message lists
 * the first row problems), or positions that are all worth 0 (nothing to weigh a gap against).
 *
 * <p><b>Row errors</b> do not stop the import: a row without a symbol, without a readable market
 * value, with a negative one, or with more cells than the header (an unquoted delimiter, as in
 * {@code MSFT,12,5}) becomes a {@link RowProblem} at the physical line where the row starts
 * (multi-line cells counted). An optional field that cannot be read (a price, a date) does not
 * cost the position: it is imported without the field, and a note says so.
 *
 * <p><b>Text</b>: UTF-8 with or without byte-order mark, UTF-16 with one; anything else is read
 * as Windows-1252 with a note. Binary data (a spreadsheet, a PDF, random bytes) is refused as not
 * a text file.
 *
 * <p><b>Decisions</b> (those that change what the file said come with a note in
 * {@link PortfolioImport#notes()}):
 * <ul>
 *   <li>Duplicate symbols stay separate positions (lots bought at different dates keep their own
 *       entry price and date); a note lists their lines.</li>
 *   <li>Zero-value positions are kept (later rules decide what to do with them), unless all are.</li>
 *   <li>Saxo group rows, closed positions and short positions are left out, with a note.</li>
 *   <li>Symbols follow {@link ProviderSymbols}: {@code BRKb:xnys} becomes {@code BRK-B}, but a
 *       bare {@code BRK.B} is kept as written, with a note.</li>
 *   <li>Which of {@code ,} and {@code .} separates decimals is decided per column from all its
 *       numbers ({@link NumberColumns}): {@code 2,000} is 2000 in a column that also holds
 *       {@code 1,234.50}, 2 in one that holds {@code 12,5}; a column that cannot say is refused,
 *       naming the column and a line, never guessed.</li>
 * </ul>
 */
public final class PortfolioReader {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_POSITIONS = 10_000;

    public PortfolioReader() {
    }

    /**
     * Reads a file; format detected from content unless forced.
     *
     * @param forced the format to read the file as, or {@code null} to detect it
     * @throws PortfolioFormatException when the file cannot be imported at all
     * @throws IOException              when the file cannot be read
     */
    public PortfolioImport read(Path file, PortfolioFormat forced) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, forced);
        }
    }

    /**
     * Reads from a stream (HTTP uploads), at most {@link #MAX_BYTES} bytes of it. Does not close
     * the stream.
     *
     * @param sourceName the file name to use in messages
     * @param forced     the format to read the stream as, or {@code null} to detect it
     * @throws PortfolioFormatException when the content cannot be imported at all
     * @throws IOException              when the stream cannot be read
     */
    public PortfolioImport read(String sourceName, InputStream in, PortfolioFormat forced) throws IOException {
        sourceName = PrintableText.of(sourceName); // an uploaded file's name is the client's text
        SourceText text = SourceText.read(sourceName, in, MAX_BYTES);
        if (text.isBlank()) {
            throw new PortfolioFormatException(sourceName, 0, null, "the file is empty; expected a CSV header"
                    + " such as 'symbol,market_value', a Saxo position export, or a JSON object with 'positions'");
        }
        PortfolioImportBuilder builder = new PortfolioImportBuilder(sourceName, MAX_POSITIONS);
        if (text.decodingNote() != null) {
            builder.note(text.decodingNote());
        }
        char first = text.firstVisibleCharacter();
        if (forced == PortfolioFormat.JSON || forced == null && (first == '{' || first == '[')) {
            JsonPortfolioReader.read(text, builder);
            return builder.build(PortfolioFormat.JSON);
        }
        CsvTable table = CsvTable.parse(text);
        PortfolioFormat format = forced != null ? forced
                : SaxoExportReader.recognizes(table) ? PortfolioFormat.SAXO : PortfolioFormat.CSV;
        if (format == PortfolioFormat.SAXO) {
            SaxoExportReader.read(table, builder);
        } else {
            PlainCsvReader.read(table, builder);
        }
        return builder.build(format);
    }
}
