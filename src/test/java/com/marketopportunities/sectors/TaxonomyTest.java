package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.SectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in taxonomy against SCANNER.md section 1: the 15 buckets, the known ETFs, the sector aliases. */
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
    void hasTheElevenGicsSectorsThenTheFourRegionsInDisplayOrder() {
        assertThat(taxonomy.buckets()).extracting(Bucket::name).containsExactly(
                "Technology", "Healthcare", "Financials", "Consumer Discretionary", "Communication Services",
                "Industrials", "Consumer Staples", "Energy", "Utilities", "Real Estate", "Materials",
                "Europe", "Asia Pacific", "Emerging Markets", "Japan");
        assertThat(taxonomy.buckets()).filteredOn(bucket -> bucket.kind() == Bucket.Kind.REGION)
                .extracting(Bucket::name).containsExactly("Europe", "Asia Pacific", "Emerging Markets", "Japan");
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
            Europe                 | Europe
            emerging_markets       | Emerging Markets
            """)
    void mapsEveryProviderAndFileSectorNameToItsGicsBucket(String sector, String bucket) {
        assertThat(taxonomy.bucketOfSector(sector)).isEqualTo(bucket);
    }

    @ParameterizedTest(name = "''{0}'' -> Other")
    @CsvSource(nullValues = "null", textBlock = """
            Conglomerates
            Crypto
            Health
            ''
            null
            """)
    void anySectorNameThatMeansNoBucketIsOther(String sector) {
        assertThat(taxonomy.bucketOfSector(sector)).isEqualTo(Taxonomy.OTHER);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # SCANNER.md 1 step 2
            VT   | Diversified
            ACWI | Diversified
            IWDA | Diversified
            FEZ  | Europe
            EWU  | Europe
            EWG  | Europe
            EWQ  | Europe
            EWI  | Europe
            EWP  | Europe
            ASHR | Emerging Markets
            INDA | Emerging Markets
            EWZ  | Emerging Markets
            GLD  | Commodities
            SLV  | Commodities
            DBC  | Commodities
            AGGS | Fixed Income
            # the 15 proxies
            XLK  | Technology
            XLV  | Healthcare
            XLF  | Financials
            XLY  | Consumer Discretionary
            XLC  | Communication Services
            XLI  | Industrials
            XLP  | Consumer Staples
            XLE  | Energy
            XLU  | Utilities
            XLRE | Real Estate
            XLB  | Materials
            VGK  | Europe
            VPL  | Asia Pacific
            VWO  | Emerging Markets
            EWJ  | Japan
            # whatever the case the file wrote
            xlk  | Technology
            Gld  | Commodities
            """)
    void knownEtfsMapToTheirBucketWithoutALookup(String symbol, String bucket) {
        assertThat(taxonomy.etfBucket(symbol)).contains(bucket);
    }

    @Test
    void aStockIsNotAKnownEtf() {
        assertThat(taxonomy.etfBucket("AAPL")).isEmpty();
        assertThat(taxonomy.etfBucket("XL")).isEmpty();
    }
}
