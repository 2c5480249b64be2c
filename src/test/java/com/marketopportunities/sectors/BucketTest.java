package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketTest {

    private final Bucket healthcare = new Bucket("Healthcare", Dimension.SECTOR, 10, 18, "XLV");

    @ParameterizedTest(name = "{0} % -> drift {1}")
    @CsvSource(textBlock = """
            # share, drift against 10-18 %: negative below, positive above, 0 inside (bounds included)
            0,     -10
            7.5,   -2.5
            10,    0
            14,    0
            18,    0
            20.25, 2.25
            """)
    void driftIsTheDistanceOutsideTheTargetRange(double pct, double drift) {
        assertThat(healthcare.driftPct(pct)).isCloseTo(drift, within(1e-12));
    }

    @Test
    void targetIsTheMidpoint() {
        // (10 + 18) / 2
        assertThat(healthcare.targetPct()).isEqualTo(14.0);
    }

    @Test
    void refusesARangeThatIsUpsideDownOrBeyondOneHundred() {
        assertThatThrownBy(() -> new Bucket("Energy", Dimension.SECTOR, 10, 3, "XLE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Energy");
        assertThatThrownBy(() -> new Bucket("Energy", Dimension.SECTOR, -1, 10, "XLE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bucket("Energy", Dimension.SECTOR, 50, 101, "XLE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bucket("Energy", Dimension.SECTOR, 3, 10, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy ETF");
    }
}
