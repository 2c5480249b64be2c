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
            "1'234.567 | 1234.567",
            "1 234,567 | 1234.567",
            "0,500 | 0.5",
            "1234,567 | 1234.567",
            "12,3456 | 12.3456",
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

    @ParameterizedTest(name = "''{0}'' with {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2,000 | DOT | 2000",
            "2,000 | COMMA | 2",
            "1.500 | DOT | 1.5",
            "1.500 | COMMA | 1500",
            "-$1,500 | DOT | -1500",
            "12,5 | DOT | 12.5",
            "7387.1 | COMMA | 7387.1",
            "1,234,567 | COMMA | 1234567",
            "42 | DOT | 42",
    })
    void readsALoneSeparatorBeforeThreeDigitsAsTheColumnSays(String text, DecimalSeparator column, double expected) {
        assertThat(NumberText.parse(text, column)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2,000", "1.500", "(1,500)", "999.999 USD"})
    void aLoneSeparatorBeforeThreeDigitsIsAmbiguousAlone(String text) {
        assertThat(NumberText.isAmbiguous(text)).isTrue();
        assertThat(NumberText.decimalSeparatorOf(text)).isEmpty();
        assertThatThrownBy(() -> NumberText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could be");
    }

    @ParameterizedTest(name = "''{0}'' says {1}")
    @CsvSource(delimiter = '|', value = {
            "1,234.50 | DOT",
            "12,5 | COMMA",
            "1.234,56 | COMMA",
            "1,234,567 | DOT",
            "1.234.567 | COMMA",
            "0,500 | COMMA",
            "1234.567 | DOT",
            "1 234,567 | COMMA",
            "1.5E3 | DOT",
    })
    void aNumberThatSaysItsConventionSettlesItsColumn(String text, DecimalSeparator said) {
        assertThat(NumberText.isAmbiguous(text)).isFalse();
        assertThat(NumberText.decimalSeparatorOf(text)).contains(said);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,3x", "abc", "1,2,3", "1.234.5", "1,23,456.7", "12..5", "NaN", "Infinity", "1 2 3 USDX", "%"})
    void refusesTextThatIsNotANumber(String text) {
        assertThatThrownBy(() -> NumberText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a number");
    }
}
