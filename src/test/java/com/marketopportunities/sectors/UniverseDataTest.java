package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.ExposureFiles;
import com.marketopportunities.config.SectorFiles;
import com.marketopportunities.exposure.Countries;
import com.marketopportunities.marketdata.SharedMarketData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code sectors/universe.json}: every company's country and sector are known without
 * asking the provider, and its countries are those of the shared market data's fundamentals.csv.
 */
class UniverseDataTest {

    private final CandidateUniverse universe = SectorFiles.builtInUniverse();
    private final Taxonomy taxonomy = SectorFiles.builtInTaxonomy();
    private final Countries countries = ExposureFiles.builtIn().countries();

    @Test
    void everyEntryHasACountryTheCountryTableKnows() {
        List<Candidate> entries = entries();

        // 84 under the 11 sector ETFs, 7 + 8 + 6 + 7 + 6 under SPY, VGK, VPL, VWO and EWJ
        assertThat(entries).hasSize(84 + 34);
        assertThat(entries).allSatisfy(candidate -> {
            assertThat(candidate.country()).as(candidate.symbol()).isNotNull();
            assertThat(countries.named(candidate.country())).as(candidate.symbol() + ": " + candidate.country())
                    .isPresent();
        });
    }

    @Test
    void everyCompanyHasASectorBucketOfTheTaxonomy() {
        Set<String> sectors = taxonomy.buckets(Dimension.SECTOR).stream().map(Bucket::name).collect(Collectors.toSet());

        assertThat(symbols()).hasSize(93).allSatisfy(symbol ->
                assertThat(universe.sectorOf(symbol, taxonomy)).as(symbol).hasValueSatisfying(
                        sector -> assertThat(sectors).contains(sector)));
        universe.requireSectorsAgreeWith(taxonomy);
    }

    @Test
    void onlyTheCompaniesUnderRegionEtfsAloneHaveAnExplicitSector() {
        Set<String> sectorEtfs = taxonomy.buckets(Dimension.SECTOR).stream().map(Bucket::proxyEtf)
                .collect(Collectors.toSet());
        Set<String> underASectorEtf = universe.byEtf().entrySet().stream()
                .filter(entry -> sectorEtfs.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()).map(Candidate::symbol).collect(Collectors.toSet());
        Map<String, String> explicit = new LinkedHashMap<>();
        entries().stream().filter(candidate -> candidate.sector() != null)
                .forEach(candidate -> explicit.put(candidate.symbol(), candidate.sector()));

        assertThat(explicit).containsOnlyKeys("SHEL", "CBA.AX", "CSL.AX", "1299.HK", "D05.SI", "0005.HK", "INFY",
                "HDB", "CDR.WA");
        assertThat(explicit.keySet()).doesNotContainAnyElementsOf(underASectorEtf);
        assertThat(symbols()).filteredOn(symbol -> !underASectorEtf.contains(symbol))
                .containsExactlyInAnyOrderElementsOf(explicit.keySet());
        // written as the taxonomy names the bucket, not as an alias
        assertThat(explicit.values()).allSatisfy(sector ->
                assertThat(taxonomy.bucket(sector)).as(sector).isPresent());
    }

    @Test
    void theCountriesAndSectorsAreThoseOfTheSharedFundamentalsWhereTheyHaveTheCompany() throws IOException {
        Path file = SharedMarketData.folder().resolve("fundamentals.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found: comparison with fundamentals.csv skipped");
        Map<String, CSVRecord> fundamentals = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .forEach(row -> fundamentals.put(row.get("symbol"), row));
        }

        List<String> compared = new ArrayList<>();
        for (String symbol : symbols()) {
            CSVRecord row = fundamentals.get(symbol);
            if (row == null || !row.isMapped("country") || row.get("country").isBlank()) {
                continue;
            }
            compared.add(symbol);
            // the same country however spelt ("Korea (South)" in the file, "South Korea" as Yahoo writes it)
            assertThat(countries.named(universe.countryOf(symbol).orElseThrow()))
                    .as(symbol).isEqualTo(countries.named(row.get("country")));
            entries().stream().filter(candidate -> candidate.symbol().equals(symbol) && candidate.sector() != null)
                    .forEach(candidate -> assertThat(taxonomy.bucketOf(row.get("sector"), Dimension.SECTOR))
                            .as(symbol).contains(candidate.sector()));
        }
        // all but the 9 companies that fundamentals.csv does not have
        assertThat(compared).hasSize(93 - 9).contains("SHEL", "CDR.WA", "005930.KS");
    }

    private List<Candidate> entries() {
        return universe.byEtf().values().stream().flatMap(List::stream).toList();
    }

    private List<String> symbols() {
        return entries().stream().map(Candidate::symbol).distinct().toList();
    }
}
