package com.marketopportunities.portfolio;

import com.marketopportunities.text.FoldedText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies a column header, whatever the case, accents, punctuation or line breaks the
 * file used: {@code "Market Value"}, {@code "market_value"} and {@code "MARKET-VALUE"} all have
 * the key {@code "marketvalue"}. A trailing bracket is kept apart: {@code "Valeur actuelle (EUR)"}
 * has the key {@code "valeuractuelle"} and carries {@code "EUR"}.
 *
 * @param key       the header {@linkplain FoldedText folded}, without its trailing bracket
 * @param bracketed what the trailing bracket held (trimmed), or {@code null}
 */
record HeaderKey(String key, String bracketed) {

    private static final Pattern TRAILING_BRACKET = Pattern.compile("\\(([^()]*)\\)\\s*$");

    static HeaderKey of(String header) {
        String text = header == null ? "" : header.strip();
        Matcher bracket = TRAILING_BRACKET.matcher(text);
        if (bracket.find()) {
            return new HeaderKey(FoldedText.fold(text.substring(0, bracket.start())), bracket.group(1).strip());
        }
        return new HeaderKey(FoldedText.fold(text), null);
    }
}
