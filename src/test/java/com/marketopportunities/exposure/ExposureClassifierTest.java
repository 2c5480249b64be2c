package com.marketopportunities.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.config.ExposureFiles;
import com.marketopportunities.config.SectorFiles;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FundBreakdown;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Taxonomy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EXPOSURE.md 2: per dimension, the first rule that applies, with the built-in tables. */
class ExposureClassifierTest {

    /** No candidate universe: the profile's rules are what these tests look at (see {@link #universeRules}). */
    private final ExposureClassifier classifier = new ExposureClassifier(SectorFiles.builtInTaxonomy(),
            ExposureFiles.builtIn(), new CandidateUniverse(java.util.Map.of()));

    // --- rule 1: the file

    @Test
    void theFilesSectorAndRegionWinAndNeedNoProfile() {
        Position position = position("ACME", null, "Health Care", null, "Europe", null, null);

        HoldingExposure exposure = classifier.classify(position, noProfile());

        assertThat(classifier.needsProfile(position)).isFalse();
        assertThat(exposure.sectors().byBucket()).containsExactly(entry("Healthcare", 1.0));
        assertThat(exposure.regions().byBucket()).containsExactly(entry("Europe", 1.0));
        assertThat(exposure.sectorSource()).isEqualTo(ExposureSource.FILE);
        assertThat(exposure.regionSource()).isEqualTo(ExposureSource.FILE);
    }

    @Test
    void theFilesCountryGivesTheRegionThroughTheCountryTable() {
        // Poland is an emerging market in MSCI's classification
        HoldingExposure exposure = classifier.classify(position("CDR.WA", null, null, null, null, "Poland", null),
                profile(stock("CDR.WA", "Communication Services", null)));

        assertThat(exposure.regions().byBucket()).containsExactly(entry("Emerging Markets", 1.0));
        assertThat(exposure.regionSource()).isEqualTo(ExposureSource.FILE);
        assertThat(exposure.sectorSource()).isEqualTo(ExposureSource.PROFILE);
    }

    @Test
    void aRegionColumnWithAnUnknownNameIsNotedAndTheNextRuleApplies() {
        HoldingExposure exposure = classifier.classify(position("ROG.SW", null, null, null, "Atlantis", null, null),
                profile(stock("ROG.SW", "Healthcare", "Switzerland")));

        assertThat(exposure.regions().byBucket()).containsExactly(entry("Europe", 1.0));
        assertThat(exposure.regionSource()).isEqualTo(ExposureSource.PROFILE);
        assertThat(exposure.notes()).anySatisfy(note -> assertThat(note)
                .contains("ROG.SW: the file's region 'Atlantis' is not one of North America, Europe")
                .contains("ignored"));
    }

    @Test
    void aFileAssetClassWithoutEquityHasNoSectorOrRegion() {
        HoldingExposure bond = classifier.classify(position("BOND1", "Bond", null, null, null, null, null),
                noProfile());
        HoldingExposure gold = classifier.classify(position("GOLDBAR", "Gold", null, null, null, null, null),
                noProfile());

        assertThat(bond.assetClasses()).containsExactly(entry(AssetClass.FIXED_INCOME, 1.0));
        assertThat(bond.sectors().byBucket()).isEmpty();
        assertThat(bond.sectorSource()).isNull();
        assertThat(gold.assetClasses()).containsExactly(entry(AssetClass.COMMODITIES, 1.0));
        assertThat(classifier.needsProfile(position("BOND1", "Bond", null, null, null, null, null))).isFalse();
    }

    // --- rule 2: a fund

    @Test
    void aFundIsLookedThroughWithTheProvidersBreakdownAndYahoosKeysMapToGics() {
        // QQQ as Yahoo's topHoldings gives it (recorded 2022-06-29): the sectors add up to 1.0001, within
        // rounding: scaled to 1
        Map<String, Double> sectors = new LinkedHashMap<>();
        sectors.put("technology", 0.5083);
        sectors.put("communication_services", 0.1608);
        sectors.put("consumer_cyclical", 0.1476);
        sectors.put("healthcare", 0.0523);
        sectors.put("consumer_defensive", 0.0548);
        sectors.put("industrials", 0.0358);
        sectors.put("utilities", 0.0140);
        sectors.put("basic_materials", 0.0132);
        sectors.put("energy", 0.0058);
        sectors.put("financial_services", 0.0055);
        sectors.put("realestate", 0.0020);
        FundBreakdown yahoo = new FundBreakdown(sectors, Map.of(), Map.of("Equity", 0.9993, "Cash", 0.0007),
                "Large Growth", null, "Yahoo topHoldings/fundProfile");

        HoldingExposure qqq = classifier.classify(position("QQQ", null, null, null, null, null, null),
                profile(fund("QQQ", yahoo)));

        // 0.5083 / 1.0001 = 0.508249
        assertThat(qqq.sectors().of("Technology")).isCloseTo(0.5083 / 1.0001, within(1e-9));
        assertThat(qqq.sectors().of("Consumer Discretionary")).isCloseTo(0.1476 / 1.0001, within(1e-9));
        assertThat(qqq.sectors().byBucket().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(qqq.sectorSource()).isEqualTo(ExposureSource.PROVIDER_FUND);
        // Yahoo has no regions: the known-fund table has QQQ
        assertThat(qqq.regions().byBucket()).containsExactly(entry("North America", 1.0));
        assertThat(qqq.regionSource()).isEqualTo(ExposureSource.KNOWN_FUND);
        assertThat(qqq.assetClasses().get(AssetClass.EQUITY)).isCloseTo(0.9993, within(1e-9));
        assertThat(qqq.notes()).isEmpty();
    }

    @Test
    void aFundTheProviderDoesNotBreakDownTakesTheKnownFundTable() {
        // VGK with no provider data: Europe from the table; the table has no sectors for it
        HoldingExposure vgk = classifier.classify(position("VGK", "ETF", null, null, null, null, null), noData());

        assertThat(vgk.regions().byBucket()).containsExactly(entry("Europe", 1.0));
        assertThat(vgk.regionSource()).isEqualTo(ExposureSource.KNOWN_FUND);
        assertThat(vgk.sectors().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(vgk.sectorSource()).isEqualTo(ExposureSource.UNCLASSIFIED);
        assertThat(vgk.notes()).anySatisfy(note -> assertThat(note).startsWith("VGK: fund without a sector breakdown")
                .contains("'sector' column").contains("known-fund table"));
    }

    @Test
    void aFundsCategoryGivesItsRegionsWhenNothingElseDoes() {
        FundBreakdown yahoo = new FundBreakdown(Map.of("healthcare", 1.0), Map.of(), Map.of(), "Japan Stock", null,
                "Yahoo");

        HoldingExposure fund = classifier.classify(position("JPNX", null, null, null, null, null, null),
                profile(fund("JPNX", yahoo)));

        assertThat(fund.regions().byBucket()).containsExactly(entry("Japan", 1.0));
        assertThat(fund.regionSource()).isEqualTo(ExposureSource.FUND_CATEGORY);
        assertThat(fund.sectors().byBucket()).containsExactly(entry("Healthcare", 1.0));
    }

    @Test
    void aFundsListingAndIsinSayNothingOfWhatItHolds() {
        // an Irish-domiciled fund traded in Amsterdam that no table knows: not Europe, Unclassified
        HoldingExposure fund = classifier.classify(position("XWRLD.AS", "ETF", null, null, null, null,
                "IE00B4L5Y983"), noData());

        assertThat(fund.regions().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(fund.regionSource()).isEqualTo(ExposureSource.UNCLASSIFIED);
    }

    @Test
    void aFundOfWhichNothingIsKnownIsEquityUnclassifiedInBothDimensionsAndSaysWhatWouldClassifyIt() {
        HoldingExposure fund = classifier.classify(position("MYSTERY", "ETF", null, null, null, null, null),
                failed());

        assertThat(fund.assetClasses()).containsExactly(entry(AssetClass.EQUITY, 1.0));
        assertThat(fund.sectors().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(fund.regions().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(fund.notes()).hasSize(2).allSatisfy(note -> assertThat(note).startsWith("MYSTERY: fund without")
                .contains("known-fund table (exposure.known-funds)"));
    }

    @Test
    void aProvidersAssetClassesSplitTheFundAndOnlyItsEquityHasSectors() {
        FundBreakdown balanced = new FundBreakdown(Map.of("technology", 1.0), Map.of("North America", 1.0),
                Map.of("Equity", 0.6, "Fixed Income", 0.4), null, null, "funds.csv");

        HoldingExposure fund = classifier.classify(position("AOR", null, null, null, null, null, null),
                profile(fund("AOR", balanced)));

        assertThat(fund.assetClasses()).containsOnly(entry(AssetClass.EQUITY, 0.6), entry(AssetClass.FIXED_INCOME, 0.4));
        assertThat(fund.share(com.marketopportunities.sectors.Dimension.SECTOR, "Technology"))
                .isCloseTo(0.6, within(1e-12));
    }

    @Test
    void aCommodityFundHasNoSectorOrRegion() {
        // GLD from the known-fund table: Commodities 1
        HoldingExposure gld = classifier.classify(position("GLD", null, null, null, null, null, null), noData());

        assertThat(gld.assetClasses()).containsExactly(entry(AssetClass.COMMODITIES, 1.0));
        assertThat(gld.sectors().byBucket()).isEmpty();
        assertThat(gld.equityShare()).isZero();
    }

    @Test
    void weightsShortOfOneLeaveTheRestUnclassifiedAndSaySo() {
        FundBreakdown partial = new FundBreakdown(Map.of("technology", 0.6, "energy", 0.2), Map.of("Europe", 1.0),
                Map.of(), null, null, "funds.csv: test");

        HoldingExposure fund = classifier.classify(position("PART", null, null, null, null, null, null),
                profile(fund("PART", partial)));

        // 1 - (0.6 + 0.2) = 0.2 Unclassified, never spread over Technology and Energy
        assertThat(fund.sectors().of("Technology")).isCloseTo(0.6, within(1e-12));
        assertThat(fund.sectors().of(Taxonomy.UNCLASSIFIED)).isCloseTo(0.2, within(1e-12));
        assertThat(fund.notes()).containsExactly(
                "PART: sector weights from funds.csv: test: weights add up to 0.8000: the missing 0.2000 is Unclassified");
    }

    @Test
    void weightsOverOneAreScaledDownAndSaySo() {
        FundBreakdown over = new FundBreakdown(Map.of("technology", 0.9, "energy", 0.3), Map.of("Europe", 1.0),
                Map.of(), null, null, "funds.csv: test");

        HoldingExposure fund = classifier.classify(position("OVER", null, null, null, null, null, null),
                profile(fund("OVER", over)));

        // 0.9 / 1.2 = 0.75, 0.3 / 1.2 = 0.25
        assertThat(fund.sectors().of("Technology")).isCloseTo(0.75, within(1e-12));
        assertThat(fund.sectors().of("Energy")).isCloseTo(0.25, within(1e-12));
        assertThat(fund.notes()).singleElement().asString().contains("add up to 1.2000: scaled down to 1");
    }

    @Test
    void aProviderSectorThatIsNoGicsSectorIsUnclassifiedNotSpread() {
        FundBreakdown odd = new FundBreakdown(Map.of("technology", 0.7, "crypto", 0.3), Map.of("Europe", 1.0),
                Map.of(), null, null, "Yahoo");

        HoldingExposure fund = classifier.classify(position("ODD", null, null, null, null, null, null),
                profile(fund("ODD", odd)));

        assertThat(fund.sectors().byBucket()).containsOnly(entry("Technology", 0.7), entry(Taxonomy.UNCLASSIFIED, 0.3));
    }

    // --- rule 3: a stock

    @Test
    void aStocksSectorAndRegionComeFromItsProfile() {
        HoldingExposure roche = classifier.classify(position("ROG.SW", null, null, null, null, null, null),
                profile(stock("ROG.SW", "Healthcare", "Switzerland")));

        assertThat(roche.sectors().byBucket()).containsExactly(entry("Healthcare", 1.0));
        assertThat(roche.regions().byBucket()).containsExactly(entry("Europe", 1.0));
        assertThat(roche.sectorSource()).isEqualTo(ExposureSource.PROFILE);
        assertThat(roche.regionSource()).isEqualTo(ExposureSource.PROFILE);
    }

    @Test
    void withoutACountryTheIsinsPrefixThenTheListingGiveTheRegion() {
        Fetch<Fundamentals> noCountry = profile(stock("X", "Financials", null));

        HoldingExposure byIsin = classifier.classify(position("UBSG.SW", null, null, null, null, null,
                "KR7005930003"), noCountry);
        HoldingExposure byListing = classifier.classify(position("SLHN.SW", null, null, null, null, null, null),
                noCountry);
        HoldingExposure warsaw = classifier.classify(position("PKO.WA", null, null, null, null, null, null),
                noCountry);

        // a Korean ISIN wins over the Swiss listing: the ISIN comes first
        assertThat(byIsin.regions().byBucket()).containsExactly(entry("Emerging Markets", 1.0));
        assertThat(byIsin.regionSource()).isEqualTo(ExposureSource.ISIN);
        assertThat(byListing.regions().byBucket()).containsExactly(entry("Europe", 1.0));
        assertThat(byListing.regionSource()).isEqualTo(ExposureSource.LISTING);
        assertThat(warsaw.regions().byBucket()).containsExactly(entry("Emerging Markets", 1.0));
    }

    @Test
    void aUsListingWithoutACountryIsUnclassifiedNotUnitedStates() {
        // NVO is Novo Nordisk's ADR: a Danish company
        HoldingExposure adr = classifier.classify(position("NVO", null, null, null, null, null, null),
                profile(stock("NVO", "Healthcare", null)));

        assertThat(adr.regions().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(adr.notes()).singleElement().asString().startsWith("NVO: the provider's profile has no country")
                .contains("'country' or 'region' column");
    }

    @Test
    void aProfileThatCouldNotBeLookedUpLeavesTheStockUnclassifiedAndSaysWhy() {
        HoldingExposure stock = classifier.classify(position("AAPL", null, null, null, null, null, null), failed());

        assertThat(stock.sectors().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(stock.notes()).first().asString().contains("the profile could not be looked up");
    }

    @Test
    void aProfileSectorThatIsNoGicsSectorIsUnclassified() {
        HoldingExposure stock = classifier.classify(position("ODD", null, null, null, null, null, null),
                profile(stock("ODD", "Conglomerates", "United States")));

        assertThat(stock.sectors().byBucket()).containsExactly(entry(Taxonomy.UNCLASSIFIED, 1.0));
        assertThat(stock.regions().byBucket()).containsExactly(entry("North America", 1.0));
        assertThat(stock.notes()).first().asString().contains("'Conglomerates' is no GICS sector");
    }

    // --- rule 3, the candidate universe before the profile

    /** A universe listing AAPL under the technology ETF (United States) and CBA.AX under a region's with its sector. */
    private final ExposureClassifier universeRules = new ExposureClassifier(SectorFiles.builtInTaxonomy(),
            ExposureFiles.builtIn(), new CandidateUniverse(Map.of(
                    "XLK", java.util.List.of(new com.marketopportunities.sectors.Candidate("AAPL", "Apple",
                            "United States", null)),
                    "VPL", java.util.List.of(new com.marketopportunities.sectors.Candidate("CBA.AX",
                            "Commonwealth Bank", "Australia", "Financials")),
                    "VGK", java.util.List.of(new com.marketopportunities.sectors.Candidate("NESN.SW", "Nestle")))));

    @Test
    void aStockTheUniverseListsWithSectorAndCountryNeedsNoProfile() {
        Position apple = position("AAPL", null, null, null, null, null, null);
        Position bank = position("CBA.AX", null, null, null, null, null, null);

        assertThat(universeRules.needsProfile(apple)).isFalse();
        assertThat(universeRules.needsProfile(bank)).isFalse();
        HoldingExposure exposure = universeRules.classify(apple, noProfile());
        assertThat(exposure.sectors().byBucket()).containsExactly(entry("Technology", 1.0));
        assertThat(exposure.regions().byBucket()).containsExactly(entry("North America", 1.0));
        assertThat(exposure.sectorSource()).isEqualTo(ExposureSource.UNIVERSE);
        assertThat(exposure.regionSource()).isEqualTo(ExposureSource.UNIVERSE);
        assertThat(universeRules.classify(bank, noProfile()).sectors().byBucket())
                .containsExactly(entry("Financials", 1.0));
        assertThat(universeRules.classify(bank, noProfile()).regions().byBucket())
                .containsExactly(entry("Asia Pacific", 1.0));
    }

    @Test
    void aUniverseEntryWithoutCountryStillNeedsTheProfileForTheRegion() {
        Position nestle = position("NESN.SW", null, null, null, null, null, null);

        assertThat(universeRules.needsProfile(nestle)).isTrue();
        HoldingExposure exposure = universeRules.classify(nestle, profile(stock("NESN.SW", "Consumer Defensive",
                "Switzerland")));
        assertThat(exposure.sectors().byBucket()).containsExactly(entry("Consumer Staples", 1.0));
        assertThat(exposure.regionSource()).isEqualTo(ExposureSource.PROFILE);
    }

    @Test
    void theFileStillWinsOverTheUniverseAndAFileFundIsNoUniverseStock() {
        Position labelled = position("AAPL", null, "Health Care", null, "Europe", null, null);
        Position fund = position("AAPL", "ETF", null, null, null, null, null);

        assertThat(universeRules.classify(labelled, noProfile()).sectors().byBucket())
                .containsExactly(entry("Healthcare", 1.0));
        assertThat(universeRules.needsProfile(fund)).isTrue();
    }

    // --- helpers

    private static Position position(String symbol, String assetType, String sector, String currency, String region,
                                     String country, String isin) {
        return new Position(symbol, symbol, null, 1000, null, null, null, currency, sector, assetType, null, 0, region,
                country, isin);
    }

    private static Fundamentals stock(String symbol, String sector, String country) {
        return new Fundamentals(symbol, symbol, "EQUITY", sector, "USD", null, null, null, null, country, null);
    }

    private static Fundamentals fund(String symbol, FundBreakdown breakdown) {
        return new Fundamentals(symbol, symbol, "ETF", null, "USD", null, null, null, null, null, breakdown);
    }

    private static Fetch<Fundamentals> profile(Fundamentals fundamentals) {
        return new Fetch.Ok<>(fundamentals);
    }

    private static Fetch<Fundamentals> noProfile() {
        return new Fetch.NoData<>("not asked");
    }

    private static Fetch<Fundamentals> noData() {
        return new Fetch.NoData<>("no fundamentals");
    }

    private static Fetch<Fundamentals> failed() {
        return new Fetch.Unavailable<>(new MarketDataUnavailableException("down", null));
    }
}
