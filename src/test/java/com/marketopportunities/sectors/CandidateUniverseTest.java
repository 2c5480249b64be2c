package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.SectorFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SCANNER.md 2: the blue chips per proxy ETF, in preference order, cut to {@code top_n}. */
class CandidateUniverseTest {

    private final CandidateUniverse universe = SectorFiles.builtInUniverse();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            XLK  | AAPL MSFT NVDA AVGO SAP ASML TSM 005930.KS
            XLV  | UNH JNJ LLY ABBV NVO ROG.SW 4568.T
            XLF  | JPM BAC WFC GS HSBA.L BNP.PA SAN.MC 8306.T
            XLY  | AMZN TSLA HD MCD MC.PA ITX.MC 7203.T BABA
            XLC  | META GOOGL NFLX DIS VOD.L TEF.MC 9984.T TCEHY
            XLI  | HON UNP CAT BA AIR.PA RR.L ABBN.SW 6954.T
            XLP  | PG KO PEP WMT UL OR.PA DGE.L NESN.SW
            XLE  | XOM CVX COP SLB SHEL.L TTE.PA EQNR
            XLU  | NEE DUK SO D ENEL.MI NG.L 9501.T
            XLRE | AMT PLD CCI EQIX LAND.L URW.PA 8591.T
            XLB  | LIN APD SHW ECL AI.PA RIO.L BHP 4063.T
            """)
    void theBuiltInUniverseIsTheTableOfTheSpecInItsOrder(String etf, String symbols) {
        assertThat(universe.candidates(etf, 20)).extracting(Candidate::symbol)
                .containsExactlyElementsOf(Arrays.asList(symbols.split(" ")));
    }

    @Test
    void topNKeepsTheFirstCandidatesInPreferenceOrder() {
        assertThat(universe.candidates("XLK", 6)).extracting(Candidate::symbol)
                .containsExactly("AAPL", "MSFT", "NVDA", "AVGO", "SAP", "ASML");
        assertThat(universe.candidates("XLK", 1)).containsExactly(new Candidate("AAPL", "Apple"));
        assertThat(universe.candidates("XLK", 0)).isEmpty();
    }

    @Test
    void theEtfIsMatchedWhateverItsCase() {
        assertThat(universe.candidates("xlre", 2)).extracting(Candidate::symbol).containsExactly("AMT", "PLD");
    }

    @Test
    void airLiquideIsAiPaNotAirbusTicker() {
        // a defect of the reference's table (SCANNER.md, known defects)
        assertThat(universe.candidates("XLB", 8)).contains(new Candidate("AI.PA", "Air Liquide"));
        assertThat(universe.candidates("XLI", 8)).contains(new Candidate("AIR.PA", "Airbus"));
    }

    @Test
    void everyRegionHasAtLeastFiveLargeCompanies() {
        // EXPOSURE.md 4: the universe lists candidates for regions too
        for (String etf : new String[] {"SPY", "VGK", "VPL", "VWO", "EWJ"}) {
            assertThat(universe.candidates(etf, 100)).as(etf).hasSizeGreaterThanOrEqualTo(5);
        }
        // one company may stand under a sector and a region
        assertThat(universe.candidates("VGK", 100)).contains(new Candidate("NESN.SW", "Nestle"));
        assertThat(universe.candidates("XLP", 100)).contains(new Candidate("NESN.SW", "Nestle"));
    }

    @Test
    void anEtfWithoutCandidatesGetsNone() {
        assertThat(universe.candidates("EWG", 6)).isEmpty();
    }

    @Test
    void aUniverseMayListCandidatesForARegion() {
        CandidateUniverse own = new CandidateUniverse(Map.of("vgk",
                List.of(new Candidate("ASML", "ASML Holding"), new Candidate("NESN.SW", "Nestle"))));

        assertThat(own.candidates("VGK", 6)).extracting(Candidate::symbol).containsExactly("ASML", "NESN.SW");
    }

    @Test
    void allSymbolsListsEachEtfWithItsCandidatesOnce() {
        CandidateUniverse own = new CandidateUniverse(Map.of(
                "XLK", List.of(new Candidate("AAPL", "Apple"), new Candidate("SAP", "SAP")),
                "VGK", List.of(new Candidate("SAP", "SAP"))));

        assertThat(own.allSymbols()).containsExactlyInAnyOrder("XLK", "AAPL", "SAP", "VGK");
        // 16 ETFs, the 8+7+8+8+8+8+8+7+7+7+8 = 84 candidates of the spec's sector table, and 9 companies
        // that stand under a region only (SHEL, CBA.AX, CSL.AX, 1299.HK, D05.SI, 0005.HK, INFY, HDB, CDR.WA)
        assertThat(universe.allSymbols()).hasSize(16 + 84 + 9).doesNotHaveDuplicates();
    }
}
