package com.marketopportunities.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShortListTest {

    @Test
    void aFewNamesAreAllNamed() {
        assertThat(ShortList.of(List.of("AAPL", "MSFT"))).isEqualTo("AAPL, MSFT");
    }

    @Test
    void tenThousandNamesAreTwentyAndACount() {
        List<String> names = IntStream.range(0, 10_000).mapToObj(i -> "S" + i).toList();

        String listed = ShortList.of(names);

        assertThat(listed).startsWith("S0, S1, ").endsWith("S19 and 9,980 more");
        assertThat(listed.length()).isLessThan(200);
    }
}
