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
}
