package com.marketopportunities.portfolio;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the symbols that portfolio files write into the provider's (Yahoo's) symbols, following
 * DATA.md "Symbols".
 *
 * <ul>
 *   <li>{@code TICKER:exchange} (Saxo): the exchange's MIC picks Yahoo's suffix ({@code IFX:xetr} ->
 *       {@code IFX.DE}). On US exchanges (xnas, xnys, arcx, bats) there is no suffix and a trailing
 *       lower-case letter is a share class ({@code BRKb:xnys} -> {@code BRK-B}); {@code BRK.B:xnys}
 *       and {@code BRK/B:xnys} become {@code BRK-B} too. Elsewhere the ticker is upper-cased
 *       ({@code SLHn:xvtx} -> {@code SLHN.SW}); Hong Kong's numeric codes get Yahoo's four digits
 *       ({@code 700:xhkg} -> {@code 0700.HK}). An unknown exchange keeps the upper-cased ticker and
 *       says so in the note.</li>
 *   <li>Anything else is taken as a provider symbol already and only trimmed and upper-cased
 *       ({@code aapl} -> {@code AAPL}, {@code nesn.sw} -> {@code NESN.SW}). {@code BRK.B} stays
 *       {@code BRK.B}: without an exchange a dot may be a suffix ({@code BP.L}) as well as a share
 *       class, so it is kept and the note suggests Yahoo's {@code BRK-B}.</li>
 * </ul>
 *
 * <p>What comes out must be in Yahoo's alphabet (letters, digits, {@code .}, {@code -}, {@code ^},
 * {@code =}; at most {@value #MAX_LENGTH} characters): {@code MS FT} or {@code <svg ...>} is refused,
 * never sent to the provider nor shown back as a symbol.
 */
public final class ProviderSymbols {

    /** The longest provider symbol accepted. */
    private static final int MAX_LENGTH = 20;

    /** Yahoo's suffix per exchange MIC (lower case); an empty suffix marks a US exchange. */
    private static final Map<String, String> SUFFIX_BY_EXCHANGE = Map.ofEntries(
            Map.entry("xnas", ""), Map.entry("xnys", ""), Map.entry("arcx", ""), Map.entry("bats", ""),
            Map.entry("xvtx", ".SW"), Map.entry("xswx", ".SW"),
            Map.entry("xetr", ".DE"),
            Map.entry("xpar", ".PA"),
            Map.entry("xams", ".AS"),
            Map.entry("xbru", ".BR"),
            Map.entry("xmil", ".MI"), Map.entry("xmli", ".MI"),
            Map.entry("xmad", ".MC"),
            Map.entry("xlon", ".L"),
            Map.entry("xwar", ".WA"),
            Map.entry("xcse", ".CO"),
            Map.entry("xsto", ".ST"),
            Map.entry("xhel", ".HE"),
            Map.entry("xosl", ".OL"),
            Map.entry("xhkg", ".HK"),
            Map.entry("xtks", ".T"),
            Map.entry("xasx", ".AX"),
            Map.entry("xtse", ".TO"));

    /** {@code BRKb}, {@code BRK.B}, {@code BRK/B}: a ticker followed by a one-letter share class. */
    private static final Pattern US_SHARE_CLASS = Pattern.compile("(?<base>[A-Z0-9]+)(?:(?<appended>[a-z])|[./](?<separated>[A-Za-z]))");
    private static final Pattern DOTTED_SHARE_CLASS = Pattern.compile("([A-Z0-9]+)\\.([A-C])");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    /** Yahoo's alphabet: {@code AAPL}, {@code BRK-B}, {@code NESN.SW}, {@code ^GSPC}, {@code EURUSD=X}. */
    private static final Pattern PROVIDER_SYMBOL = Pattern.compile("[A-Z0-9.\\-^=]{1," + MAX_LENGTH + "}");
    private static final Pattern EXCHANGE = Pattern.compile("[a-z0-9]{1,8}");

    private ProviderSymbols() {
    }

    /**
     * @param raw the symbol as a file writes it
     * @throws IllegalArgumentException when there is no ticker ({@code raw} blank, or {@code ":xnas"})
     */
    public static NormalizedSymbol normalize(String raw) {
        String text = raw == null ? "" : raw.strip();
        NormalizedSymbol normalized = convert(text);
        if (!PROVIDER_SYMBOL.matcher(normalized.symbol()).matches()) {
            throw notASymbol(text);
        }
        return normalized;
    }

    private static NormalizedSymbol convert(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return providerSymbol(text);
        }
        String ticker = text.substring(0, colon).strip();
        String exchange = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        if (ticker.isEmpty()) {
            throw new IllegalArgumentException(Cell.quote(text) + " has no ticker before ':'");
        }
        if (!EXCHANGE.matcher(exchange).matches()) {
            throw notASymbol(text);
        }
        String suffix = SUFFIX_BY_EXCHANGE.get(exchange);
        if (suffix == null) {
            String kept = upperCase(ticker);
            return new NormalizedSymbol(kept, "unknown exchange " + Cell.quote(exchange) + " in " + Cell.quote(text)
                    + "; kept the ticker " + Cell.quote(kept) + " without an exchange suffix");
        }
        if (suffix.isEmpty()) {
            return new NormalizedSymbol(usTicker(ticker), null);
        }
        if (suffix.equals(".HK") && DIGITS.matcher(ticker).matches()) {
            ticker = "0".repeat(4 - ticker.length()) + ticker;
        }
        return new NormalizedSymbol(upperCase(ticker) + suffix, null);
    }

    private static NormalizedSymbol providerSymbol(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no symbol");
        }
        String symbol = upperCase(text);
        Matcher dotted = DOTTED_SHARE_CLASS.matcher(symbol);
        if (dotted.matches()) {
            return new NormalizedSymbol(symbol, Cell.quote(symbol) + " kept as written; if ." + dotted.group(2)
                    + " is a share class, the provider writes it " + dotted.group(1) + "-" + dotted.group(2));
        }
        return new NormalizedSymbol(symbol, null);
    }

    private static IllegalArgumentException notASymbol(String text) {
        return new IllegalArgumentException(Cell.quote(text) + " is not a symbol; expected letters, digits, '.', '-',"
                + " '^' or '=' (at most " + MAX_LENGTH + "), such as AAPL, BRK-B or NESN.SW, or TICKER:exchange"
                + " such as KO:xnys");
    }

    private static String usTicker(String ticker) {
        Matcher shareClass = US_SHARE_CLASS.matcher(ticker);
        if (shareClass.matches()) {
            String shareClassLetter = shareClass.group("appended") != null
                    ? shareClass.group("appended")
                    : shareClass.group("separated");
            return shareClass.group("base") + "-" + upperCase(shareClassLetter);
        }
        return upperCase(ticker);
    }

    private static String upperCase(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
