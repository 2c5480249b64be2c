package com.marketopportunities.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrencyUnitTest {

    @Test
    void readsIsoCodesInAnyCase() {
        assertThat(CurrencyUnit.of("chf")).isEqualTo(new CurrencyUnit("CHF", "CHF", 1));
        assertThat(CurrencyUnit.of(" USD ")).isEqualTo(new CurrencyUnit("USD", "USD", 1));
        assertThat(CurrencyUnit.of("USD").isMinor()).isFalse();
    }

    @Test
    void readsTheProvidersMinorUnitsAsHundredthsOfTheirCurrency() {
        assertThat(CurrencyUnit.of("GBp")).isEqualTo(new CurrencyUnit("GBp", "GBP", 100));
        assertThat(CurrencyUnit.of("GBX")).isEqualTo(new CurrencyUnit("GBX", "GBP", 100));
        assertThat(CurrencyUnit.of("ZAc")).isEqualTo(new CurrencyUnit("ZAc", "ZAR", 100));
        assertThat(CurrencyUnit.of("ZAC")).isEqualTo(new CurrencyUnit("ZAC", "ZAR", 100));
        assertThat(CurrencyUnit.of("ILA")).isEqualTo(new CurrencyUnit("ILA", "ILS", 100));
        assertThat(CurrencyUnit.of("GBp").toWhole(9550)).isEqualTo(95.5);
        // GBP in capitals is pounds: case decides between the two
        assertThat(CurrencyUnit.of("GBP").perWhole()).isEqualTo(1);
    }

    @Test
    void anUnknownCodeIsATypedFailureWithAReasonInPlainWords() {
        assertThat(CurrencyUnit.parse("XYZ")).isEqualTo(new ParsedCurrency.Unknown("XYZ", "not an ISO 4217 code"));
        assertThat(CurrencyUnit.parse("USd")).isEqualTo(new ParsedCurrency.Unknown("USd",
                "not an ISO 4217 code, nor a minor unit the provider quotes in (GBp, GBX, ZAc, ZAC, ILA)"));
        assertThat(CurrencyUnit.parse("EURO")).isEqualTo(new ParsedCurrency.Unknown("EURO",
                "not a currency code; expected three letters such as EUR"));
        assertThat(CurrencyUnit.parse(null)).isEqualTo(new ParsedCurrency.Unknown("", "no currency code"));
        assertThatThrownBy(() -> CurrencyUnit.of("XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency 'XYZ': not an ISO 4217 code");
    }

    @Test
    void aBaseCurrencyIsAWholeCurrency() {
        assertThat(CurrencyUnit.parseBase("eur")).isEqualTo(new ParsedCurrency.Known(new CurrencyUnit("EUR", "EUR", 1)));
        assertThat(CurrencyUnit.parseBase("GBp")).isEqualTo(new ParsedCurrency.Unknown("GBp",
                "a minor unit (1/100 GBP); expected a whole currency such as GBP"));
        assertThat(CurrencyUnit.parseBase("XYZ")).isInstanceOf(ParsedCurrency.Unknown.class);
    }

    @Test
    void aPairIsNamedInYahoosConvention() {
        FxPair pair = new FxPair("CHF", "EUR");

        assertThat(pair.symbol()).isEqualTo("CHFEUR=X");
        assertThat(pair.inverse().symbol()).isEqualTo("EURCHF=X");
        assertThatThrownBy(() -> new FxPair("GBp", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FxPair("EUR", "EUR")).isInstanceOf(IllegalArgumentException.class);
    }
}
