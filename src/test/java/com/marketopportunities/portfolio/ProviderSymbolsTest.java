package com.marketopportunities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderSymbolsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // every exchange of DATA.md "Symbols"
            "TSLA:xnas, TSLA",
            "KO:xnys, KO",
            "SPY:arcx, SPY",
            "CBOE:bats, CBOE",
            "SLHn:xvtx, SLHN.SW",
            "NESN:xswx, NESN.SW",
            "IFX:xetr, IFX.DE",
            "MC:xpar, MC.PA",
            "ASML:xams, ASML.AS",
            "ABI:xbru, ABI.BR",
            "ENI:xmil, ENI.MI",
            "RACE:xmli, RACE.MI",
            "SAN:xmad, SAN.MC",
            "SHEL:xlon, SHEL.L",
            "PKN:xwar, PKN.WA",
            "NOVOb:xcse, NOVOB.CO",
            "VOLVb:xsto, VOLVB.ST",
            "NOKIA:xhel, NOKIA.HE",
            "EQNR:xosl, EQNR.OL",
            "0700:xhkg, 0700.HK",
            "7203:xtks, 7203.T",
            "BHP:xasx, BHP.AX",
            "RY:xtse, RY.TO",
            // share classes on US exchanges only
            "BRKb:xnys, BRK-B",
            "BRK.B:xnys, BRK-B",
            "BF/b:xnys, BF-B",
            "aapl:xnas, AAPL",
            // case and spaces of the exchange do not matter; Hong Kong codes get four digits
            "' KO : XNYS ', KO",
            "700:xhkg, 0700.HK",
            // without an exchange the symbol is the provider's already
            "aapl, AAPL",
            "' msft ', MSFT",
            "BRK-B, BRK-B",
            "nesn.sw, NESN.SW",
            // the rest of the provider's alphabet: indices, currencies, futures
            "^GSPC, ^GSPC",
            "EURUSD=X, EURUSD=X",
            "ES=F, ES=F",
    })
    void normalizesToTheProvidersSymbol(String raw, String expected) {
        NormalizedSymbol normalized = ProviderSymbols.normalize(raw);

        assertThat(normalized.symbol()).isEqualTo(expected);
        assertThat(normalized.note()).isNull();
    }

    @Test
    void keepsTheTickerOfAnUnknownExchangeAndSaysSo() {
        NormalizedSymbol normalized = ProviderSymbols.normalize("abc:xzzz");

        assertThat(normalized.symbol()).isEqualTo("ABC");
        assertThat(normalized.note()).contains("unknown exchange 'xzzz'", "'abc:xzzz'", "'ABC'");
    }

    @Test
    void keepsADottedShareClassWithoutExchangeButSuggestsTheProvidersSpelling() {
        NormalizedSymbol normalized = ProviderSymbols.normalize("brk.b");

        assertThat(normalized.symbol()).isEqualTo("BRK.B");
        assertThat(normalized.note()).contains("BRK-B");
    }

    @Test
    void anExchangeSuffixThatLooksLikeAShareClassIsLeftAlone() {
        assertThat(ProviderSymbols.normalize("BP.L")).isEqualTo(new NormalizedSymbol("BP.L", null));
    }

    @Test
    void refusesASymbolWithoutTicker() {
        assertThatThrownBy(() -> ProviderSymbols.normalize(":xnas")).hasMessageContaining("no ticker");
        assertThatThrownBy(() -> ProviderSymbols.normalize("  ")).hasMessageContaining("no symbol");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"MS FT", "<svg onload=alert(2)>", "AAPL;rm", "ÄPFEL",
            "ABCDEFGHIJKLMNOPQRSTU", "TSLA:<x>", "MS FT:xnas", "KO:xn ys"})
    void refusesWhatIsNotAProviderSymbol(String raw) {
        assertThatThrownBy(() -> ProviderSymbols.normalize(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + raw + "' is not a symbol; expected letters, digits, '.', '-', '^' or '='"
                        + " (at most 20), such as AAPL, BRK-B or NESN.SW, or TICKER:exchange such as KO:xnys");
    }
}
