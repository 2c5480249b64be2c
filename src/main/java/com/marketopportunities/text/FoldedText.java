package com.marketopportunities.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text reduced to lower-case ASCII letters and digits, so that words written by different tools
 * compare equal: {@code "Prix entrée"}, {@code "PRIX_ENTREE"} and {@code "prix\nentrée"} all fold
 * to {@code "prixentree"}; {@code "févr."} folds to {@code "fevr"}. Header names, sector and
 * region aliases, country names are all matched this way.
 */
public final class FoldedText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

    private FoldedText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String withoutAccents = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
