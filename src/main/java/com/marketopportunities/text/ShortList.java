package com.marketopportunities.text;

import java.util.List;
import java.util.Locale;

/**
 * A list of names for a sentence a person reads: the first few, then how many more. A portfolio
 * of 10,000 unknown symbols gives a warning of one line, not of 10,000 names.
 */
public final class ShortList {

    /** Names shown before "and N more". */
    public static final int SHOWN = 20;

    private ShortList() {
    }

    /** {@code "A, B, C"}, or {@code "A, B, ... T and 9,950 more"} past {@link #SHOWN}. */
    public static String of(List<String> names) {
        return of(names, SHOWN);
    }

    public static String of(List<String> names, int shown) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown))
                + String.format(Locale.ROOT, " and %,d more", names.size() - shown);
    }
}
