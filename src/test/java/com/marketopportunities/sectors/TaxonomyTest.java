package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.SectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in taxonomy against SCANNER.md 1 and EXPOSURE.md 1: 11 sectors and 5 regions, and the names providers write. */
class TaxonomyTest {

    private final Taxonomy taxonomy = SectorFiles.builtInTaxonomy();

    @ParameterizedTest(name = "{0}: {1}-{2} % -> target {4}, proxy {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # bucket               | min | max | etf  | target = (min + max) / 2
            Technology             | 15  | 30  | XLK  | 22.5
            Healthcare             | 10  | 18  | XLV  | 14
            Financials             | 10  | 18  | XLF  | 14
            Consumer Discretionary | 8   | 15  | XLY  | 11.5
            Communication Services | 8   | 15  | XLC  | 11.5
            Industrials            | 8   | 15  | XLI  | 11.5
            Consumer Staples       | 5   | 12  | XLP  | 8.5
            Energy                 | 3   | 10  | XLE  | 6.5
            Utilities              | 2   | 8   | XLU  | 5
            Real Estate            | 2   | 8   | XLRE | 5
            Materials              | 2   | 8   | XLB  | 5
            North America          | 50  | 67  | SPY  | 58.5
            Europe                 | 10  | 20  | VGK  | 15
            Asia Pacific           | 5   | 15  | VPL  | 10
            Emerging Markets       | 5   | 15  | VWO  | 10
            Japan                  | 3   | 10  | EWJ  | 6.5
            """)
    void everyBucketTargetsTheMidpointOfItsRange(String name, double min, double max, String etf, double target) {
        Bucket bucket = taxonomy.bucket(name).orElseThrow();

        assertThat(bucket.minPct()).isEqualTo(min);
        assertThat(bucket.maxPct()).isEqualTo(max);
        assertThat(bucket.proxyEtf()).isEqualTo(etf);
        assertThat(bucket.targetPct()).isEqualTo(target);
    }

    @Test
    void hasTheElevenGicsSectorsThenTheFiveRegionsInDisplayOrder() {
        assertThat(taxonomy.buckets()).extracting(Bucket::name).containsExactly(
                "Technology", "Healthcare", "Financials", "Consumer Discretionary", "Communication Services",
                "Industrials", "Consumer Staples", "Energy", "Utilities", "Real Estate", "Materials",
                "North America", "Europe", "Asia Pacific", "Emerging Markets", "Japan");
        assertThat(taxonomy.buckets(Dimension.REGION)).extracting(Bucket::name)
                .containsExactly("North America", "Europe", "Asia Pacific", "Emerging Markets", "Japan");
        assertThat(taxonomy.buckets(Dimension.SECTOR)).hasSize(11);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # as Yahoo's assetProfile.sector writes it (SCANNER.md 1 step 3)
            Technology             | Technology
            Information Technology | Technology
            Healthcare             | Healthcare
            Health Care            | Healthcare
            Financial Services     | Financials
            Financials             | Financials
            Consumer Cyclical      | Consumer Discretionary
            Communication Services | Communication Services
            Industrials            | Industrials
            Consumer Defensive     | Consumer Staples
            Energy                 | Energy
            Utilities              | Utilities
            Real Estate            | Real Estate
            Basic Materials        | Materials
            # Yahoo's lower-case keys
            consumer_cyclical      | Consumer Discretionary
            consumer_defensive     | Consumer Staples
            financial_services     | Financials
            basic_materials        | Materials
            communication_services | Communication Services
            real_estate            | Real Estate
            consumer-cyclical      | Consumer Discretionary
            # case, accents, punctuation and spacing do not matter
            HEALTH CARE            | Healthcare
            information technology | Technology
            Énergy                 | Energy
            Héalth Càre            | Healthcare
            ' Basic  Materials '   | Materials
            Real-Estate            | Real Estate
            # the bucket names themselves, as a portfolio file may write them
            Consumer Discretionary | Consumer Discretionary
            Consumer Staples       | Consumer Staples
            Materials              | Materials
            """)
    void mapsEveryProviderAndFileSectorNameToItsGicsBucket(String sector, String bucket) {
        assertThat(taxonomy.bucketOf(sector, Dimension.SECTOR)).contains(bucket);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe            | Europe
            emerging_markets  | Emerging Markets
            NORTH AMERICA     | North America
            US                | North America
            Asia-Pacific      | Asia Pacific
            EM                | Emerging Markets
            japan             | Japan
            """)
    void mapsRegionNamesToTheirBucket(String region, String bucket) {
        assertThat(taxonomy.bucketOf(region, Dimension.REGION)).contains(bucket);
    }

    @Test
    void aNameOfOneDimensionMeansNothingInTheOther() {
        assertThat(taxonomy.bucketOf("Europe", Dimension.SECTOR)).isEmpty();
        assertThat(taxonomy.bucketOf("Technology", Dimension.REGION)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' -> none")
    @CsvSource(nullValues = "null", textBlock = """
            Conglomerates
            Crypto
            Health
            ''
            null
            """)
    void anySectorNameThatMeansNoBucketMapsToNone(String sector) {
        assertThat(taxonomy.bucketOf(sector, Dimension.SECTOR)).isEmpty();
    }
}
