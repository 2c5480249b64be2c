package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderMarketDataTest {

    @Test
    void aPeWrittenInfinityIsNoPeAtAllAndTheRowStillReads(@TempDir Path folder) throws Exception {
        // the shared data's S&P financials write Infinity for a P/E on zero earnings (KEY, 2025-01-01)
        Files.writeString(folder.resolve("fundamentals.csv"), """
                symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country
                KEY,KeyCorp,EQUITY,Financials,USD,Infinity,,,0.0479,2025-01-01,United States
                JPM,JPMorgan,EQUITY,Financials,USD,12.5,NaN,,0.021,2025-01-01,United States
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            Fundamentals key = data.fundamentals("KEY").join();
            assertThat(key.trailingPe()).isNull();
            assertThat(key.dividendYield()).isEqualTo(0.0479);
            assertThat(key.sector()).isEqualTo("Financials");
            Fundamentals jpm = data.fundamentals("JPM").join();
            assertThat(jpm.trailingPe()).isEqualTo(12.5);
            assertThat(jpm.forwardPe()).isNull();
        }
    }
}
