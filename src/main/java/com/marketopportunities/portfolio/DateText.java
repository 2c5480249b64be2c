package com.marketopportunities.portfolio;

import com.marketopportunities.text.FoldedText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as portfolio files write it: ISO ({@code 2022-06-10}) or day, month name, year
 * with French or English month names, full or abbreviated, with or without accents and dots
 * ({@code 10-juin-2022}, {@code 3-févr.-2022}, {@code 10-Jun-2022}, {@code 10 June 22}). A time
 * after the date ({@code 2022-06-10 15:32}, {@code 10-juin-2022 15:32:01}) is ignored.
 *
 * <p>All-numeric day-first or month-first dates ({@code 06/10/2022}) are refused: nothing in the
 * file says which convention it follows.
 */
final class DateText {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DAY_MONTH_NAME_YEAR =
            Pattern.compile("(\\d{1,2})[-/. ]+([\\p{L}\\p{M}]+)[-/. ]+(\\d{4}|\\d{2})(?:[T ].*)?");
    private static final Map<String, Integer> MONTH_BY_NAME = monthsByFoldedName();

    private DateText() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the text, when it is not a date
     */
    static LocalDate parse(String text) {
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return LocalDate.of(number(iso.group(1)), number(iso.group(2)), number(iso.group(3)));
            }
            Matcher named = DAY_MONTH_NAME_YEAR.matcher(text);
            if (named.matches()) {
                Integer month = MONTH_BY_NAME.get(FoldedText.fold(named.group(2)));
                if (month != null) {
                    int year = number(named.group(3));
                    return LocalDate.of(year < 100 ? 2000 + year : year, month, number(named.group(1)));
                }
            }
        } catch (DateTimeException impossibleDate) {
            // e.g. 31 February: reported below like any other unreadable text
        }
        throw new IllegalArgumentException(Cell.quote(text) + " is not a date; expected e.g. 2022-06-10 or 10-juin-2022");
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static Map<String, Integer> monthsByFoldedName() {
        List<List<String>> namesByMonth = List.of(
                List.of("janvier", "janv", "jan", "january"),
                List.of("février", "févr", "fév", "feb", "february"),
                List.of("mars", "mar", "march"),
                List.of("avril", "avr", "apr", "april"),
                List.of("mai", "may"),
                List.of("juin", "jun", "june"),
                List.of("juillet", "juil", "jul", "july"),
                List.of("août", "aou", "aug", "august"),
                List.of("septembre", "sept", "sep", "september"),
                List.of("octobre", "oct", "october"),
                List.of("novembre", "nov", "november"),
                List.of("décembre", "déc", "dec", "december"));
        Map<String, Integer> months = new HashMap<>();
        for (int month = 1; month <= 12; month++) {
            for (String name : namesByMonth.get(month - 1)) {
                months.put(FoldedText.fold(name), month);
            }
        }
        return Map.copyOf(months);
    }
}
