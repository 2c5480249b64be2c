package com.marketopportunities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7387.1 | 7387.1",
            "0,06% | 0.06",
            "860 USD | 860",
            "8 679 USD | 8679",
            "8\u00a0679 USD | 8679",
            "8\u202f679 USD | 8679",
            "1\u202f234\u00a0567,89 | 1234567.89",
            "12,5 | 12.5",
            "1,234.56 | 1234.56",
            "1.234,56 | 1234.56",
            "1,234,567 | 1234567",
            "1.234.567 | 1234567",
            "1'234.50 | 1234.5",
            "-12.5 | -12.5",
            "−12,5 | -12.5",
            "(12.5) | -12.5",
            "+3 | 3",
            "$5.25 | 5.25",
            "-$5.25 | -5.25",
            "EUR -5 | -5",
            "3,5 € | 3.5",
            "1.5E3 | 1500",
            "0 | 0",
    })
    void readsNumbersAsBrokersWriteThem(String text, double expected) {
        assertThat(NumberText.parse(text)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,3x", "abc", "1,2,3", "1.234.5", "1,23,456.7", "12..5", "NaN", "Infinity", "1 2 3 USDX", "%"})
    void refusesTextThatIsNotANumber(String text) {
        assertThatThrownBy(() -> NumberText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a number");
    }
}
