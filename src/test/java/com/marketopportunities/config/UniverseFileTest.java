package com.marketopportunities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A universe file's entries: {@code [symbol, name]} (the older shape), {@code [symbol, name, country]}
 * and {@code [symbol, name, country, sector]}; anything else is an error naming the file, the ETF
 * and the entry.
 */
class UniverseFileTest {

    private static final Taxonomy TAXONOMY = SectorFiles.builtInTaxonomy();

    @TempDir
    Path dir;

    @Test
    void theOlderShapeOfPairsStillReadsWithoutCountryOrSector() throws IOException {
        CandidateUniverse universe = SectorFiles.universe(file("""
                {"XLK": [["AAPL", "Apple"], [" msft ", " Microsoft "]], "VGK": [["NESN.SW", "Nestle"]]}"""));

        assertThat(universe.candidates("XLK", 5)).containsExactly(new Candidate("AAPL", "Apple", null, null),
                new Candidate("MSFT", "Microsoft", null, null));
        assertThat(universe.countryOf("AAPL")).isEmpty();
        // the sector still comes from the sector ETF; a region-only pair has none
        assertThat(universe.sectorOf("MSFT", TAXONOMY)).contains("Technology");
        assertThat(universe.sectorOf("NESN.SW", TAXONOMY)).isEmpty();
    }

    @Test
    void threeElementsGiveTheCountry() throws IOException {
        CandidateUniverse universe = SectorFiles.universe(file("""
                {"XLV": [["NVO", "Novo Nordisk", "Denmark"], ["ROG.SW", "Roche", " Switzerland "]]}"""));

        assertThat(universe.candidates("XLV", 5)).containsExactly(new Candidate("NVO", "Novo Nordisk", "Denmark"),
                new Candidate("ROG.SW", "Roche", "Switzerland"));
        assertThat(universe.countryOf("nvo")).contains("Denmark");
        assertThat(universe.sectorOf("ROG.SW", TAXONOMY)).contains("Healthcare");
    }

    @Test
    void fourElementsGiveTheSectorOfACompanyUnderRegionsOnly() throws IOException {
        CandidateUniverse universe = SectorFiles.universe(file("""
                {"VPL": [["CBA.AX", "Commonwealth Bank of Australia", "Australia", "Financials"],
                         ["CSL.AX", "CSL", "Australia", "Health Care"],
                         ["BHP", "BHP Group", "Australia"], ["1299.HK", "AIA Group"], ["X.AX", "X", "", "Energy"]]}"""));

        assertThat(universe.candidates("VPL", 1)).containsExactly(
                new Candidate("CBA.AX", "Commonwealth Bank of Australia", "Australia", "Financials"));
        assertThat(universe.sectorOf("CBA.AX", TAXONOMY)).contains("Financials");
        // written as GICS does, read as the taxonomy's bucket
        assertThat(universe.sectorOf("CSL.AX", TAXONOMY)).contains("Healthcare");
        // shapes mix in one list; an empty country means unknown
        assertThat(universe.countryOf("BHP")).contains("Australia");
        assertThat(universe.countryOf("1299.HK")).isEmpty();
        assertThat(universe.countryOf("X.AX")).isEmpty();
        assertThat(universe.sectorOf("X.AX", TAXONOMY)).contains("Energy");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            one element                     | ["MSFT"]                                          | ["MSFT"]
            five elements                   | ["MSFT", "Microsoft", "United States", "Technology", "x"] | "x"]
            not a list                      | "MSFT"                                            | "MSFT"
            an object                       | {"symbol": "MSFT"}                                | {"symbol":"MSFT"}
            a number for the name           | ["MSFT", 42]                                      | ["MSFT",42]
            null for the country            | ["MSFT", "Microsoft", null]                       | ["MSFT","Microsoft",null]
            a list for the sector           | ["MSFT", "Microsoft", "United States", ["Tech"]]  | ["Tech"]
            a blank symbol                  | ["  ", "Microsoft", "United States"]              | blank symbol
            """)
    void anEntryOfAnotherShapeIsRejectedNamingTheFileTheEtfAndTheEntry(String what, String entry, String named)
            throws IOException {
        Path file = file("{\"XLK\": [[\"AAPL\", \"Apple\", \"United States\"], " + entry + "]}");

        assertThatThrownBy(() -> SectorFiles.universe(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"XLK\"")
                .hasMessageContaining(named);
    }

    @Test
    void oneCompanyWithTwoCountriesIsRejectedNamingTheFileAndTheSymbol() throws IOException {
        Path file = file("""
                {"XLB": [["LIN", "Linde", "United Kingdom"]], "SPY": [["LIN", "Linde", "Ireland"]]}""");

        assertThatThrownBy(() -> SectorFiles.universe(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("LIN")
                .hasMessageContaining("United Kingdom")
                .hasMessageContaining("Ireland");
    }

    @Test
    void oneCompanyWithTwoSectorsIsRejectedNamingTheFileAndTheSymbol() throws IOException {
        Path file = file("""
                {"VGK": [["SHEL", "Shell", "United Kingdom", "Energy"]],
                 "EWU": [["SHEL", "Shell", "United Kingdom", "Materials"]]}""");

        assertThatThrownBy(() -> SectorFiles.universe(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("SHEL");
    }

    @Test
    void aSectorThatContradictsItsSectorEtfIsALoadErrorNamingTheSymbol() throws IOException {
        Path file = file("""
                {"XLK": [["AAPL", "Apple", "United States"], ["NVO", "Novo Nordisk", "Denmark", "Health Care"]]}""");

        assertThatThrownBy(() -> Settings.defaults().withSectorFiles(null, file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("NVO")
                .hasMessageContaining("XLK")
                .hasMessageContaining("Technology");
        Path config = dir.resolve("own.properties");
        Files.writeString(config, "sectors.universe=" + file.toString().replace("\\", "\\\\"));
        assertThatThrownBy(() -> Settings.load(config))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("NVO");
    }

    @Test
    void aSectorThatAgreesWithItsSectorEtfIsAccepted() throws IOException {
        // "Information Technology" is the taxonomy's alias of XLK's bucket
        Path file = file("""
                {"XLK": [["AAPL", "Apple", "United States", "Information Technology"]],
                 "SPY": [["AAPL", "Apple", "United States"]]}""");

        Settings settings = Settings.defaults().withSectorFiles(null, file);

        assertThat(settings.universe().sectorOf("aapl", settings.taxonomy())).contains("Technology");
    }

    private Path file(String json) throws IOException {
        Path file = dir.resolve("universe.json");
        Files.writeString(file, json);
        return file;
    }
}
