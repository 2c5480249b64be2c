package com.marketopportunities.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.scoring.Horizon;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check of a scan's numbers, where the request enters the scan. */
class ScanRequestTest {

    static final Portfolio EMPTY = new Portfolio("USD", List.of());
    static final LocalDate AS_OF = LocalDate.of(2022, 12, 5);

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 50.01, 100, Double.NaN})
    void aMinimumGapOutsideZeroToFiftyIsRefusedNamingTheParameter(double minGap) {
        assertThatThrownBy(() -> new ScanRequest(EMPTY, Horizon.MEDIUM, minGap, AS_OF, 6, List.of()))
                .isInstanceOfSatisfying(InvalidScanParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(ScanParameter.MIN_GAP))
                .hasMessageStartingWith("must be between 0 and 50 (percent points), got ");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 21})
    void aTopOutsideZeroToTwentyIsRefusedNamingTheParameter(int top) {
        assertThatThrownBy(() -> new ScanRequest(EMPTY, Horizon.MEDIUM, 5, AS_OF, top, List.of()))
                .isInstanceOfSatisfying(InvalidScanParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(ScanParameter.TOP_N))
                .hasMessage("must be between 0 and 20 (blue chips per gap), got " + top);
    }

    @Test
    void theBoundsAreAccepted() {
        assertThat(new ScanRequest(EMPTY, Horizon.SHORT, 0, AS_OF, 0, List.of()).minGapPct()).isZero();
        assertThat(new ScanRequest(EMPTY, Horizon.LONG, 50, AS_OF, 20, List.of()).topN()).isEqualTo(20);
        assertThat(ScanParameter.MIN_GAP.check(12.5)).isEqualTo(12.5);
    }

    @Test
    void theUsersBaseCurrencyIsTakenWhenThePortfolioNamesNone() {
        Portfolio unnamed = new Portfolio(null, List.of());

        ScanRequest request = new ScanRequest(unnamed, Horizon.MEDIUM, 5, AS_OF, 6, List.of("a note"), "eur");

        assertThat(request.portfolio().baseCurrency()).isEqualTo("EUR");
        assertThat(request.portfolio().baseCurrencyOrigin()).isEqualTo(Portfolio.BaseCurrencyOrigin.USER);
        assertThat(request.baseCurrencyChoice()).isEqualTo("EUR");
        assertThat(request.notes()).containsExactly("a note");
        assertThat(new ScanRequest(unnamed, Horizon.MEDIUM, 5, AS_OF, 6, List.of()).portfolio().baseCurrency())
                .isEqualTo("USD");
    }

    @Test
    void thePortfoliosOwnBaseCurrencyComesFirstAndANoteSaysTheChoiceIsNotUsed() {
        Portfolio francs = new Portfolio("CHF", List.of());

        ScanRequest request = new ScanRequest(francs, Horizon.MEDIUM, 5, AS_OF, 6, List.of("a note"), "EUR");

        assertThat(request.portfolio().baseCurrency()).isEqualTo("CHF");
        assertThat(request.notes()).containsExactly("a note", "the base currency EUR you asked for is not used: the"
                + " portfolio file names its own, CHF, which comes first");
        assertThat(new ScanRequest(francs, Horizon.MEDIUM, 5, AS_OF, 6, List.of(), "CHF").notes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "EURO", "GBp", ""})
    void aBaseCurrencyThatIsNoIsoCodeIsRefusedNamingTheParameter(String code) {
        assertThatThrownBy(() -> new ScanRequest(EMPTY, Horizon.MEDIUM, 5, AS_OF, 6, List.of(), code))
                .isInstanceOfSatisfying(InvalidScanParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(ScanParameter.BASE_CURRENCY))
                .hasMessageStartingWith("must be an ISO 4217 currency code such as EUR, got '" + code + "' (");
        assertThatThrownBy(() -> new ScanRequest(EMPTY, Horizon.MEDIUM, 5, AS_OF, 6, List.of(), "XYZ"))
                .hasMessage("must be an ISO 4217 currency code such as EUR, got 'XYZ' (not an ISO 4217 code)");
    }
}
