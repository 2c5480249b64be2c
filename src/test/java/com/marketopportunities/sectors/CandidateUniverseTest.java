package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.config.SectorFiles;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
        assertThat(universe.candidates("XLK", 1)).containsExactly(new Candidate("AAPL", "Apple", "United States"));
        assertThat(universe.candidates("XLK", 0)).isEmpty();
    }

    @Test
    void theEtfIsMatchedWhateverItsCase() {
        assertThat(universe.candidates("xlre", 2)).extracting(Candidate::symbol).containsExactly("AMT", "PLD");
    }

    @Test
    void airLiquideIsAiPaNotAirbusTicker() {
        // a defect of the reference's table (SCANNER.md, known defects)
        assertThat(universe.candidates("XLB", 8)).contains(new Candidate("AI.PA", "Air Liquide", "France"));
        assertThat(universe.candidates("XLI", 8)).contains(new Candidate("AIR.PA", "Airbus", "France"));
    }

    @Test
    void everyRegionHasAtLeastFiveLargeCompanies() {
        // EXPOSURE.md 4: the universe lists candidates for regions too
        for (String etf : new String[] {"SPY", "VGK", "VPL", "VWO", "EWJ"}) {
            assertThat(universe.candidates(etf, 100)).as(etf).hasSizeGreaterThanOrEqualTo(5);
        }
        // one company may stand under a sector and a region
        assertThat(universe.candidates("VGK", 100)).contains(new Candidate("NESN.SW", "Nestle", "Switzerland"));
        assertThat(universe.candidates("XLP", 100)).contains(new Candidate("NESN.SW", "Nestle", "Switzerland"));
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

    // the lookups that spare a scan the provider's profile call

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            new Bucket("Technology", Dimension.SECTOR, 10, 30, "XLK"),
            new Bucket("Energy", Dimension.SECTOR, 2, 10, "XLE"),
            new Bucket("Europe", Dimension.REGION, 10, 20, "VGK")),
            Map.of("Information Technology", "Technology"));

    private static CandidateUniverse ordered(Object... etfsAndLists) {
        Map<String, List<Candidate>> byEtf = new LinkedHashMap<>();
        for (int i = 0; i < etfsAndLists.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Candidate> candidates = (List<Candidate>) etfsAndLists[i + 1];
            byEtf.put((String) etfsAndLists[i], candidates);
        }
        return new CandidateUniverse(byEtf);
    }

    @Test
    void countryOfMatchesTheSymbolWhateverItsCase() {
        CandidateUniverse own = ordered(
                "XLK", List.of(new Candidate("SAP", "SAP"), new Candidate("AAPL", "Apple", "United States")),
                "VGK", List.of(new Candidate("SAP", "SAP", "Germany"), new Candidate("NESN.SW", "Nestle")));

        assertThat(own.countryOf("aapl")).contains("United States");
        assertThat(own.countryOf(" AAPL ")).contains("United States");
        // given under one ETF only: that one
        assertThat(own.countryOf("SAP")).contains("Germany");
        // the older shape says nothing; a stranger is not in the universe
        assertThat(own.countryOf("NESN.SW")).isEmpty();
        assertThat(own.countryOf("MSFT")).isEmpty();
        assertThat(own.countryOf(null)).isEmpty();
    }

    @Test
    void sectorOfIsTheExplicitSectorElseTheFirstSectorEtfsBucket() {
        CandidateUniverse own = ordered(
                "VGK", List.of(new Candidate("SHEL", "Shell", "United Kingdom", "Energy"),
                        new Candidate("ASML", "ASML Holding", "Netherlands"),
                        new Candidate("NESN.SW", "Nestle", "Switzerland"),
                        new Candidate("CDR.WA", "CD Projekt", "Poland", "Communication Services")),
                "XLE", List.of(new Candidate("XOM", "Exxon Mobil", "United States"), new Candidate("OD", "Odd")),
                "XLK", List.of(new Candidate("asml", "ASML Holding", "Netherlands"), new Candidate("OD", "Odd"),
                        new Candidate("INFY", "Infosys", "India", "Information Technology")));

        assertThat(own.sectorOf("shel", TAXONOMY)).contains("Energy");
        // a region ETF is no sector: ASML's sector is XLK's bucket
        assertThat(own.sectorOf("ASML", TAXONOMY)).contains("Technology");
        assertThat(own.sectorOf("XOM", TAXONOMY)).contains("Energy");
        // under two sector ETFs: the first in the universe's order
        assertThat(own.sectorOf("OD", TAXONOMY)).contains("Energy");
        // an explicit sector is read through the taxonomy's aliases, else kept as written
        assertThat(own.sectorOf("INFY", TAXONOMY)).contains("Technology");
        assertThat(own.sectorOf("CDR.WA", TAXONOMY)).contains("Communication Services");
        // under regions only, without a sector; not in the universe
        assertThat(own.sectorOf("NESN.SW", TAXONOMY)).isEmpty();
        assertThat(own.sectorOf("MSFT", TAXONOMY)).isEmpty();
    }

    @Test
    void oneCompanyUnderSeveralEtfsHasOneCountry() {
        assertThatThrownBy(() -> ordered(
                "XLB", List.of(new Candidate("LIN", "Linde", "United Kingdom")),
                "SPY", List.of(new Candidate("lin", "Linde", "Ireland"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LIN")
                .hasMessageContaining("United Kingdom")
                .hasMessageContaining("Ireland");
        // written alike, or not given under one of them: no contradiction
        CandidateUniverse own = ordered(
                "XLB", List.of(new Candidate("LIN", "Linde", "United Kingdom")),
                "SPY", List.of(new Candidate("LIN", "Linde", "united kingdom")),
                "EWU", List.of(new Candidate("LIN", "Linde")));
        assertThat(own.countryOf("LIN")).contains("United Kingdom");
    }

    @Test
    void oneCompanyUnderSeveralEtfsHasOneSector() {
        assertThatThrownBy(() -> ordered(
                "VGK", List.of(new Candidate("SHEL", "Shell", "United Kingdom", "Energy")),
                "EWU", List.of(new Candidate("SHEL", "Shell", "United Kingdom", "Materials"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHEL");
    }

    @Test
    void anExplicitSectorMustAgreeWithTheSectorEtfsItStandsUnder() {
        CandidateUniverse contradicting = ordered(
                "VGK", List.of(new Candidate("SHEL", "Shell", "United Kingdom", "Energy")),
                "XLK", List.of(new Candidate("SHEL", "Shell", "United Kingdom")));

        assertThatThrownBy(() -> contradicting.requireSectorsAgreeWith(TAXONOMY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHEL")
                .hasMessageContaining("XLK")
                .hasMessageContaining("Energy")
                .hasMessageContaining("Technology");

        ordered("XLK", List.of(new Candidate("INFY", "Infosys", "India", "Information Technology")),
                "VGK", List.of(new Candidate("SHEL", "Shell", "United Kingdom", "Oil and Gas")))
                .requireSectorsAgreeWith(TAXONOMY);
    }
}
