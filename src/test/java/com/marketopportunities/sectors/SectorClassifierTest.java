package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.SectorFiles;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.sectors.Classification.Source;
import org.junit.jupiter.api.Test;

/** SCANNER.md 1, "Classifying a position": file sector, then known ETF, then the provider's profile. */
class SectorClassifierTest {

    private final SectorClassifier classifier = new SectorClassifier(SectorFiles.builtInTaxonomy());

    private static Position withFileSector(String symbol, String sector) {
        return Position.of(symbol, 1_000).withSector(sector);
    }

    @Test
    void aSectorGivenInTheFileBeatsTheKnownEtfTable() {
        // XLK is the Technology proxy, but the file says otherwise and the file wins
        assertThat(classifier.classify(withFileSector("XLK", "Health Care"), "Technology", false))
                .isEqualTo(new Classification("Healthcare", Source.FILE));
    }

    @Test
    void aSectorGivenInTheFileBeatsTheProvidersProfile() {
        assertThat(classifier.classify(withFileSector("AAPL", "financial_services"), "Technology", false))
                .isEqualTo(new Classification("Financials", Source.FILE));
    }

    @Test
    void aFileSectorThatMeansNoBucketIsOther() {
        assertThat(classifier.classify(withFileSector("COIN", "Crypto"), "Financial Services", false))
                .isEqualTo(new Classification(Taxonomy.OTHER, Source.FILE));
    }

    @Test
    void aBlankFileSectorIsNoSector() {
        assertThat(classifier.classify(withFileSector("GLD", "  "), null, false))
                .isEqualTo(new Classification("Commodities", Source.KNOWN_ETF));
    }

    @Test
    void theKnownEtfTableBeatsTheProvidersProfile() {
        assertThat(classifier.classify(Position.of("EWG", 1_000), "Financial Services", false))
                .isEqualTo(new Classification("Europe", Source.KNOWN_ETF));
        assertThat(classifier.classify(Position.of("iwda", 1_000), "Technology", false))
                .isEqualTo(new Classification("Diversified", Source.KNOWN_ETF));
    }

    @Test
    void aKnownEtfNeedsNoLookupSoAFailedOneDoesNotMakeItUnknown() {
        assertThat(classifier.classify(Position.of("AGGS", 1_000), null, true))
                .isEqualTo(new Classification("Fixed Income", Source.KNOWN_ETF));
    }

    @Test
    void otherwiseTheProvidersSectorIsMappedToGics() {
        assertThat(classifier.classify(Position.of("AMZN", 1_000), "consumer_cyclical", false))
                .isEqualTo(new Classification("Consumer Discretionary", Source.PROVIDER));
        assertThat(classifier.classify(Position.of("LIN", 1_000), "Basic Materials", false))
                .isEqualTo(new Classification("Materials", Source.PROVIDER));
    }

    @Test
    void aProviderSectorThatMapsToNoBucketIsOther() {
        assertThat(classifier.classify(Position.of("BRK-B", 1_000), "Conglomerates", false))
                .isEqualTo(new Classification(Taxonomy.OTHER, Source.NONE));
    }

    @Test
    void noProviderSectorIsOther() {
        assertThat(classifier.classify(Position.of("XYZ", 1_000), null, false))
                .isEqualTo(new Classification(Taxonomy.OTHER, Source.NONE));
        assertThat(classifier.classify(Position.of("XYZ", 1_000), "", false))
                .isEqualTo(new Classification(Taxonomy.OTHER, Source.NONE));
    }

    @Test
    void aFailedLookupIsUnknownNotOther() {
        assertThat(classifier.classify(Position.of("XYZ", 1_000), null, true))
                .isEqualTo(new Classification(Taxonomy.UNKNOWN, Source.LOOKUP_FAILED));
    }

    @Test
    void onlyAPositionWithNeitherFileSectorNorKnownEtfNeedsAProfile() {
        assertThat(classifier.needsProfile(Position.of("AAPL", 1_000))).isTrue();
        assertThat(classifier.needsProfile(withFileSector("AAPL", "Technology"))).isFalse();
        assertThat(classifier.needsProfile(Position.of("vwo", 1_000))).isFalse();
        assertThat(classifier.needsProfile(withFileSector("AAPL", " "))).isTrue();
    }
}
