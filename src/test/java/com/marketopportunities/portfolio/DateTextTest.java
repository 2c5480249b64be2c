package com.marketopportunities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "2022-06-10, 2022-06-10",
            "2022-06-10T15:32:01, 2022-06-10",
            "2022-06-10 15:32, 2022-06-10",
            // every French month, full and abbreviated, with and without accents
            "10-janvier-2022, 2022-01-10", "10-janv.-2022, 2022-01-10",
            "10-février-2022, 2022-02-10", "10-févr.-2022, 2022-02-10", "10-fevr-2022, 2022-02-10",
            "10-mars-2022, 2022-03-10",
            "10-avril-2022, 2022-04-10", "10-avr.-2022, 2022-04-10",
            "10-mai-2022, 2022-05-10",
            "10-juin-2022, 2022-06-10",
            "10-juillet-2022, 2022-07-10", "10-juil.-2022, 2022-07-10",
            "10-août-2022, 2022-08-10", "10-aout-2022, 2022-08-10",
            "10-septembre-2022, 2022-09-10", "10-sept.-2022, 2022-09-10",
            "10-octobre-2022, 2022-10-10", "10-oct.-2022, 2022-10-10",
            "10-novembre-2022, 2022-11-10", "10-nov.-2022, 2022-11-10",
            "10-décembre-2022, 2022-12-10", "10-déc.-2022, 2022-12-10", "10-dec-2022, 2022-12-10",
            // English
            "10-Jun-2022, 2022-06-10",
            "3-Feb-2022, 2022-02-03",
            "10 September 2022, 2022-09-10",
            "10-Jun-22, 2022-06-10",
            "10-juin-2022 15:32:10, 2022-06-10",
    })
    void readsIsoFrenchAndEnglishDates(String text, LocalDate expected) {
        assertThat(DateText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"06/10/2022", "31-févr.-2022", "10-foo-2022", "2022-13-01", "yesterday"})
    void refusesWhatIsNotAnUnambiguousDate(String text) {
        assertThatThrownBy(() -> DateText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not a date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10-fe\u0301vr.-2022"})
    void readsAccentsWrittenAsCombiningMarks(String decomposed) {
        assertThat(DateText.parse(decomposed)).isEqualTo(LocalDate.of(2022, 2, 10));
    }
}
