package com.marketopportunities.benchmark.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void theFullRunUsesTheIssuesSettingsAndTheShortFormLowersThem() {
        HarnessOptions full = HarnessOptions.parse();
        assertThat(full.latency()).isEqualTo(Duration.ofMillis(300));
        assertThat(full.tooManyRequests()).isEqualTo(0.05);
        assertThat(full.clients()).isEqualTo(8);
        assertThat(full.ciShort()).isFalse();

        HarnessOptions ci = HarnessOptions.parse("--short");
        assertThat(ci.latency()).isEqualTo(Duration.ofMillis(100));
        assertThat(ci.runs()).isEqualTo(3);
        assertThat(ci.clients()).isEqualTo(4);
        assertThat(ci.loadDuration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anExplicitFlagWinsOverTheShortFormAndTheCommandReproducesTheRun() {
        HarnessOptions options = HarnessOptions.parse("--clients", "8", "--short", "--rate-429", "0.2");
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.tooManyRequests()).isEqualTo(0.2);
        assertThat(options.command()).isEqualTo(
                "bash bench/harness.sh --short --latency-ms 100 --rate-429 0.2 --runs 3 --clients 8 --seconds 5");
        String[] words = options.command().split(" ");
        assertThat(HarnessOptions.parse(Arrays.copyOfRange(words, 2, words.length)).command())
                .isEqualTo(options.command());
    }

    @Test
    void theScaleOutPhaseKeepsTheFullSettingsWithThreeRunsAndItsOwnReport() {
        HarnessOptions scaleOut = HarnessOptions.parse("--scale-out");
        assertThat(scaleOut.scaleOut()).isTrue();
        assertThat(scaleOut.ciShort()).isFalse();
        assertThat(scaleOut.latency()).isEqualTo(Duration.ofMillis(300));
        assertThat(scaleOut.clients()).isEqualTo(8);
        assertThat(scaleOut.loadDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(scaleOut.runs()).isEqualTo(3);
        assertThat(scaleOut.jsonReport()).hasToString("target/benchmarks/harness-scale-out.json");
        assertThat(scaleOut.command()).isEqualTo(
                "bash bench/harness.sh --scale-out --latency-ms 300 --rate-429 0.05 --runs 3 --clients 8 --seconds 20");

        HarnessOptions more = HarnessOptions.parse("--runs", "5", "--scale-out");
        assertThat(more.runs()).isEqualTo(5);
        assertThat(HarnessOptions.parse().scaleOut()).isFalse();
        assertThat(HarnessOptions.parse().jsonReport()).hasToString("target/benchmarks/harness.json");
    }

    @Test
    void badFlagsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> HarnessOptions.parse("--clients", "many")).hasMessageContaining("--clients wants a number")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> HarnessOptions.parse("--rate-429", "1.5")).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> HarnessOptions.parse("--runs", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> HarnessOptions.parse("--clients")).hasMessageContaining("missing value");
    }
}
