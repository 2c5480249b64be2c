package com.marketopportunities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A user's own taxonomy and universe, of the shape of {@code src/main/resources/sectors/}. */
class SectorFilesTest {

    @Test
    void readsAUsersTaxonomy() {
        Taxonomy taxonomy = SectorFiles.taxonomy(ConfigResources.path("taxonomy-two-buckets.json"));

        assertThat(taxonomy.buckets()).containsExactly(
                new Bucket("Technology", Dimension.SECTOR, 20, 40, "XLK"),
                new Bucket("Europe", Dimension.REGION, 10, 30, "VGK"));
        // target (10 + 30) / 2
        assertThat(taxonomy.bucket("Europe").orElseThrow().targetPct()).isEqualTo(20.0);
        assertThat(taxonomy.buckets(Dimension.REGION)).extracting(Bucket::name).containsExactly("Europe");
        assertThat(taxonomy.bucketOf("semiconductors", Dimension.SECTOR)).contains("Technology");
        // only what the file says: the built-in aliases are not merged in
        assertThat(taxonomy.bucketOf("Health Care", Dimension.SECTOR)).isEmpty();
    }

    @Test
    void readsAUsersUniverseWithCandidatesForARegion() {
        CandidateUniverse universe = SectorFiles.universe(ConfigResources.path("universe-europe.json"));

        assertThat(universe.candidates("VGK", 2)).containsExactly(new Candidate("ASML", "ASML Holding"),
                new Candidate("NESN.SW", "Nestle"));
        assertThat(universe.candidates("XLK", 6)).containsExactly(new Candidate("MSFT", "Microsoft"));
        // "_comment" is not an ETF
        assertThat(universe.allSymbols()).doesNotContain("_COMMENT", "_comment");
    }

    @Test
    void aTaxonomyThatIsNotJsonIsRejectedNamingTheFile() {
        Path file = ConfigResources.path("taxonomy-not-json.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aBucketWithoutItsEtfIsRejectedNamingTheFileAndTheField() {
        Path file = ConfigResources.path("taxonomy-bucket-without-etf.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"etf\"");
    }

    @Test
    void anUpsideDownRangeIsRejectedNamingTheFileAndTheBucket() {
        Path file = ConfigResources.path("taxonomy-range-upside-down.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Energy");
    }

    @Test
    void aUniverseEntryThatIsNotASymbolAndNamePairIsRejectedNamingTheFile() {
        Path file = ConfigResources.path("universe-pair-of-one.json");

        assertThatThrownBy(() -> SectorFiles.universe(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("\"XLK\"")
                .hasMessageContaining("[\"MSFT\"]");
    }

    @Test
    void aMissingFileIsRejectedNamingIt() {
        Path file = Path.of("does-not-exist", "taxonomy.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aRangeThatIsNotANumberIsRejectedNamingTheFile() {
        Path file = ConfigResources.path("taxonomy-min-pct-not-a-number.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("min_pct");
    }

    @Test
    void aBucketWithoutARangeIsRejectedNamingTheFile() {
        Path file = ConfigResources.path("taxonomy-bucket-without-range.json");

        assertThatThrownBy(() -> SectorFiles.taxonomy(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("min_pct");
    }

    @Test
    void candidatesThatAreNotAListAreRejectedNamingTheFile() {
        Path file = ConfigResources.path("universe-candidates-not-a-list.json");

        assertThatThrownBy(() -> SectorFiles.universe(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("XLK");
    }
}
