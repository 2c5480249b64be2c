package com.marketopportunities.benchmark.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendFiguresTest {

    static final ScoreFingerprint SCORES = new ScoreFingerprint(List.of("opportunity XOM score=57.5"));
    static final ScoreFingerprint OTHER = new ScoreFingerprint(List.of("opportunity XOM score=57.4"));
    static final UpstreamTraffic NONE = new UpstreamTraffic(0, 0, 0, 0, Map.of());
    static final UpstreamTraffic COLD = new UpstreamTraffic(77, 3, 2, 0, Map.of("chart", 68L));
    static final CacheBackend CLUSTER = new CacheBackend("cluster", "one instance on Cluster", "redis-cluster://h:1", 1);
    static final LoadTest.Result LOAD = new LoadTest.Result(8, 20.0, 4000, 0, 0, 200.0, 30.0, 90.0, 120.0, 0, List.of(),
            List.of());

    static ScanOutcome scan(double millis, long hits, long misses, long upstream, ScoreFingerprint scores) {
        return new ScanOutcome(200, millis, new ScanOutcome.ScanStats((long) millis, hits, misses, 0, upstream, 0, 0),
                scores, null);
    }

    static ScanOutcome cold(double millis) {
        return scan(millis, 0, 25, 79, SCORES);
    }

    @Test
    void medianOfTheRunsAndEveryWarmScanAndANewInstanceWarmOnlyWithEveryScoreTheSameAndNoCall() {
        ScaleOutRun warmFromRedis = new ScaleOutRun(CLUSTER, cold(3_500), COLD, scan(40, 25, 0, 0, SCORES), NONE);
        ScaleOutRun oneMiss = new ScaleOutRun(CLUSTER, cold(3_900), COLD, scan(300, 24, 1, 3, SCORES), COLD);
        ScaleOutRun otherScores = new ScaleOutRun(CLUSTER, cold(3_700), COLD, scan(42, 25, 0, 0, OTHER), NONE);
        List<ScanOutcome> warm = List.of(scan(14, 25, 0, 0, SCORES), scan(16, 25, 0, 0, SCORES),
                scan(15, 25, 0, 0, SCORES), scan(18, 25, 0, 0, SCORES), scan(13, 25, 0, 0, SCORES));

        BackendFigures figures = BackendFigures.of(CLUSTER, List.of(warmFromRedis, oneMiss, otherScores), warm,
                Samples.of(List.of(80.0, 81.0, 80.0)), LOAD, SCORES);

        assertThat(figures.cold().median()).isEqualTo(3_700);
        assertThat(figures.fresh().median()).isEqualTo(42);
        assertThat(figures.freshHitRate().median()).isEqualTo(100);
        assertThat(figures.warm().count()).isEqualTo(5);
        assertThat(figures.warm().median()).isEqualTo(15);
        assertThat(figures.redisCommands().median()).isEqualTo(80);
        assertThat(figures.freshWarm()).as("the miss and the other scores are not warm").isEqualTo(1);
        assertThat(figures.freshAlwaysWarm()).isFalse();
        assertThat(figures.otherScores()).isEqualTo(1);
        assertThat(figures.failedScans()).isZero();
        assertThat(figures.coldNotCold()).isZero();
        assertThat(figures.row()).containsExactly("one instance on Cluster", "3,700 ms", "42.0 ms",
                "100 %, fully warm in 1/3", "0", "15.0 ms", "200", "30.0 ms", "90.0 ms", "0", "0");
    }

    @Test
    void theWarmRatioIsTheMedianOverTheReferencesAndMemorySaysItSharesNothing() {
        CacheBackend memory = new CacheBackend("memory", "one instance on memory", "", 1);
        BackendFigures onMemory = BackendFigures.of(memory, List.of(new ScaleOutRun(memory, cold(3_600), COLD,
                cold(3_400), COLD)), List.of(scan(12, 25, 0, 0, SCORES)), new Samples(), LOAD,
                SCORES);
        BackendFigures onCluster = BackendFigures.of(CLUSTER, List.of(new ScaleOutRun(CLUSTER, cold(3_600), COLD,
                scan(40, 25, 0, 0, SCORES), NONE)), List.of(scan(13.2, 25, 0, 0, SCORES)),
                Samples.of(List.of(2.0)), LOAD, SCORES);

        assertThat(onCluster.warmRatioTo(onMemory)).isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onCluster.freshAlwaysWarm()).isTrue();
        assertThat(onMemory.row().get(3)).isEqualTo("0 % (no shared cache: cold)");
        assertThat(onCluster.row().get(3)).isEqualTo("100 %, fully warm in 1/1");
    }
}
