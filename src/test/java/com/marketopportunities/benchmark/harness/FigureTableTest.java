package com.marketopportunities.benchmark.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTableTest {

    @Test
    void rowsArePrintedAsAMarkdownTable() {
        FigureTable table = new FigureTable("backends", List.of("backend", "warm scan", "p99"),
                List.of(List.of("one Redis", "14.2 ms", "61 ms"), List.of("Cluster | 3 masters", "15.0 ms", "70 ms")),
                List.of());

        assertThat(table.markdown()).isEqualTo("""
                | backend | warm scan | p99 |
                |---|---|---|
                | one Redis | 14.2 ms | 61 ms |
                | Cluster \\| 3 masters | 15.0 ms | 70 ms |
                """);
    }

    @Test
    void aRowWithAMissingCellIsRefused() {
        assertThatThrownBy(() -> new FigureTable("backends", List.of("backend", "warm scan"),
                List.of(List.of("memory")), List.of())).hasMessageContaining("1 cells for 2 columns");
    }
}
