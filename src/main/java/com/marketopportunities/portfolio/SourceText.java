package com.marketopportunities.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a portfolio file: read within a size limit, its byte-order mark removed, decoded.
 *
 * <p>UTF-8 is expected; a UTF-16 byte-order mark is honoured; bytes that are not UTF-8 are read
 * as Windows-1252, what spreadsheets on Windows save "CSV" in, and the note says so.
 *
 * @param name         the file name, for messages
 * @param content      the decoded text, without byte-order mark
 * @param decodingNote how the text was decoded when it was not UTF-8, or {@code null}
 */
record SourceText(String name, String content, String decodingNote) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int CONTROL_SHARE_OF_BINARY = 10;

    /**
     * Reads at most {@code maxBytes} bytes; the limit is enforced on the bytes actually read,
     * whatever length the source announced.
     *
     * @throws PortfolioFormatException when the stream holds more than {@code maxBytes} bytes
     */
    static SourceText read(String name, InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new PortfolioTooLargeException(name, "the file is larger than the limit of "
                    + describeSize(maxBytes) + " (" + maxBytes + " bytes)");
        }
        SourceText text = decode(name, bytes);
        if (looksBinary(text.content)) {
            throw new PortfolioFormatException(name, 0, null, "not a text file (it holds binary data, as a spreadsheet"
                    + " or a PDF does); expected a CSV or JSON text file: save a spreadsheet as CSV");
        }
        return text;
    }

    boolean isBlank() {
        return content.isBlank();
    }

    /** The first character that is not white space, or 0 for a blank text. */
    char firstVisibleCharacter() {
        String stripped = content.stripLeading();
        return stripped.isEmpty() ? 0 : stripped.charAt(0);
    }

    private static SourceText decode(String name, byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            // Java's UTF-16 reads the byte order from the mark
            return new SourceText(name, withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_16)), null);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new SourceText(name, withoutByteOrderMark(text), null);
        } catch (CharacterCodingException notUtf8) {
            return new SourceText(name, new String(bytes, WINDOWS_1252),
                    "the file is not UTF-8; it was read as Windows-1252");
        }
    }

    /**
     * A NUL character, or control characters other than tabs, line and page breaks, several and
     * more than one character in {@value #CONTROL_SHARE_OF_BINARY}: text files have neither, binary
     * files nearly always have both (a few stray escapes in a name, which the cells strip, are
     * still text).
     */
    private static boolean looksBinary(String content) {
        long controls = content.chars()
                .filter(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                .count();
        return content.indexOf('\0') >= 0 || controls >= 8 && controls * CONTROL_SHARE_OF_BINARY > content.length();
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
    }

    private static String withoutByteOrderMark(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == BYTE_ORDER_MARK) {
            start++;
        }
        return text.substring(start);
    }

    private static String describeSize(long bytes) {
        long mebibyte = 1024L * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MB" : bytes + " bytes";
    }
}
