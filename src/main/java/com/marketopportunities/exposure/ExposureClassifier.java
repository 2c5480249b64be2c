package com.marketopportunities.exposure;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FundBreakdown;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what a holding is (EXPOSURE.md 2): per dimension, the first rule that applies.
 * <ol>
 *   <li>the portfolio file: a {@code sector} column, a {@code region} or {@code country} column,
 *       an {@code asset_type} such as bond, gold or cash;</li>
 *   <li>a fund: the provider's breakdown, else the known-fund table, else (regions) the
 *       provider's fund category; never its listing or its ISIN, which say where the fund is
 *       listed or domiciled, not what it holds;</li>
 *   <li>a stock: the candidate universe's sector and country when it lists the company (so that a
 *       blue chip costs no profile request), else the provider's profile (sector, country), else
 *       (region) the ISIN's prefix, else the listing suffix. A US listing without a country stays
 *       Unclassified: ADRs are foreign companies;</li>
 *   <li>whatever is left is Unclassified, with a note saying what would classify it.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ExposureClassifier {

    private final Taxonomy taxonomy;
    private final ExposureTables tables;
    /** What the candidate universe tells of each company it lists, by upper-cased symbol: looked up once. */
    private final Map<String, Listed> universe;

    public ExposureClassifier(Taxonomy taxonomy, ExposureTables tables, CandidateUniverse universe) {
        this.taxonomy = taxonomy;
        this.tables = tables;
        Map<String, Listed> listed = new java.util.HashMap<>();
        for (String symbol : universe.allSymbols()) {
            listed.put(symbol.trim().toUpperCase(java.util.Locale.ROOT), new Listed(
                    universe.sectorOf(symbol, taxonomy).flatMap(name -> taxonomy.bucketOf(name, Dimension.SECTOR)),
                    universe.countryOf(symbol).flatMap(name -> tables.countries().named(name))));
        }
        this.universe = Map.copyOf(listed);
    }

    /** A company of the candidate universe: its sector bucket and its country, each when the universe tells it. */
    private record Listed(Optional<String> sector, Optional<Countries.Country> country) {
        static final Listed NOT_LISTED = new Listed(Optional.empty(), Optional.empty());
    }

    /**
     * Whether the rules need the provider's profile of the position: not when the file says all
     * there is to say (a sector and a region or country, or an asset class without equity), nor for
     * a stock whose sector and country the candidate universe tells (the file naming no fund).
     */
    public boolean needsProfile(Position position) {
        Optional<FileAssetType> type = FileAssetType.of(position.assetType());
        if (type.flatMap(FileAssetType::nonEquityClass).isPresent()) {
            return false;
        }
        boolean stock = type.map(t -> t != FileAssetType.FUND).orElse(true)
                && tables.knownFund(position.symbol()).isEmpty();
        boolean sector = fileBucket(position.sector(), Dimension.SECTOR).isPresent()
                || stock && universeSector(position.symbol()).isPresent();
        boolean region = fileBucket(position.region(), Dimension.REGION).isPresent()
                || position.country() != null && tables.countries().named(position.country()).isPresent()
                || stock && universeCountry(position.symbol()).isPresent();
        return !(sector && region);
    }

    /**
     * @param profile the provider's fundamentals and profile of the symbol, as they were fetched
     *                (a failure leaves the rules that need them unapplied)
     */
    public HoldingExposure classify(Position position, Fetch<Fundamentals> profile) {
        Fundamentals fundamentals = profile instanceof Fetch.Ok<Fundamentals> ok ? ok.value() : null;
        String symbol = position.symbol();
        List<String> notes = new ArrayList<>();
        Optional<FileAssetType> fileType = FileAssetType.of(position.assetType());
        Optional<AssetClass> nonEquity = fileType.flatMap(FileAssetType::nonEquityClass);
        if (nonEquity.isPresent()) {
            return new HoldingExposure(Map.of(nonEquity.get(), 1.0), Weights.none(), Weights.none(), null, null,
                    notes);
        }
        boolean fund = fileType.map(type -> type == FileAssetType.FUND).orElse(false)
                || fundamentals != null && (fundamentals.fund() != null
                        || Fundamentals.isFundType(fundamentals.instrumentType()))
                || tables.knownFund(symbol).isPresent();
        FundBreakdown provided = fundamentals == null || fundamentals.fund() == null ? null : fundamentals.fund();
        FundBreakdown known = tables.knownFund(symbol).orElse(null);

        Map<AssetClass, Double> assetClasses = fund ? fundAssetClasses(symbol, provided, known, notes)
                : Map.of(AssetClass.EQUITY, 1.0);
        if (assetClasses.getOrDefault(AssetClass.EQUITY, 0.0) <= 0) {
            return new HoldingExposure(assetClasses, Weights.none(), Weights.none(), null, null, notes);
        }
        // rule 1, the file, first in each dimension; then the fund's rules or the stock's
        Classified sector = fromFile(position, Dimension.SECTOR, notes).orElseGet(() -> fund
                ? fundWeights(position, Dimension.SECTOR, provided, known, notes)
                : stockSector(position, fundamentals, profile, notes));
        Classified region = fromFile(position, Dimension.REGION, notes).orElseGet(() -> fund
                ? fundWeights(position, Dimension.REGION, provided, known, notes)
                : stockRegion(position, fundamentals, profile, notes));
        return new HoldingExposure(assetClasses, sector.weights(), region.weights(), sector.source(), region.source(),
                notes);
    }

    private Map<AssetClass, Double> fundAssetClasses(String symbol, FundBreakdown provided, FundBreakdown known,
                                                     List<String> notes) {
        for (FundBreakdown figures : new FundBreakdown[] {provided, known}) {
            if (figures != null && !figures.assetClasses().isEmpty()) {
                Weights.Mapped mapped = Weights.mapped(figures.assetClasses(),
                        name -> AssetClass.labelled(name).map(AssetClass::label));
                note(notes, symbol, "asset classes", figures, mapped.problem());
                Map<AssetClass, Double> classes = new EnumMap<>(AssetClass.class);
                mapped.weights().byBucket().forEach((label, weight) -> classes.merge(
                        AssetClass.labelled(label).orElse(AssetClass.OTHER), weight, Double::sum));
                return classes;
            }
        }
        return Map.of(AssetClass.EQUITY, 1.0);
    }

    /**
     * Rules 2a-2d for one dimension of a fund: the provider's figures, the known-fund table's, and
     * for regions the fund category; else Unclassified, with a note saying what would classify it.
     */
    private Classified fundWeights(Position position, Dimension dimension, FundBreakdown provided,
                                   FundBreakdown known, List<String> notes) {
        Optional<Classified> fromFigures = fromFigures(position.symbol(), dimension, provided, known, notes);
        if (fromFigures.isPresent()) {
            return fromFigures.get();
        }
        String category = dimension == Dimension.REGION && provided != null ? provided.category() : null;
        Optional<Map<String, Double>> categoryRegions = tables.categoryRegions(category);
        if (categoryRegions.isPresent()) {
            Weights.Mapped mapped = Weights.mapped(categoryRegions.get(),
                    name -> taxonomy.bucketOf(name, Dimension.REGION));
            return new Classified(mapped.weights(), ExposureSource.FUND_CATEGORY);
        }
        String key = dimension.key();
        notes.add(position.symbol() + ": fund without a " + key + " breakdown" + (category == null ? ""
                : " (category '" + category + "' is not in the category table)") + " (" + key + " Unclassified); a '"
                + key + "' column in the file or an entry in the known-fund table (exposure.known-funds) would"
                + " classify it");
        return Classified.UNCLASSIFIED;
    }

    private Classified stockSector(Position position, Fundamentals fundamentals, Fetch<Fundamentals> profile,
                                   List<String> notes) {
        Optional<String> listed = universeSector(position.symbol());
        if (listed.isPresent()) {
            return new Classified(Weights.all(listed.get()), ExposureSource.UNIVERSE);
        }
        String sector = fundamentals == null ? null : fundamentals.sector();
        Optional<String> bucket = sector == null ? Optional.empty() : taxonomy.bucketOf(sector, Dimension.SECTOR);
        if (bucket.isPresent()) {
            return new Classified(Weights.all(bucket.get()), ExposureSource.PROFILE);
        }
        notes.add(position.symbol() + ": " + (sector != null ? "the provider's sector '" + sector
                + "' is no GICS sector" : whyNoProfile(profile, "sector")) + " (sector Unclassified); a 'sector'"
                + " column in the file would classify it");
        return Classified.UNCLASSIFIED;
    }

    private Classified stockRegion(Position position, Fundamentals fundamentals, Fetch<Fundamentals> profile,
                                   List<String> notes) {
        Optional<Countries.Country> listed = universeCountry(position.symbol());
        if (listed.isPresent()) {
            return region(listed.get(), ExposureSource.UNIVERSE);
        }
        String country = fundamentals == null ? null : fundamentals.country();
        if (country != null) {
            Optional<Countries.Country> known = tables.countries().named(country);
            if (known.isPresent()) {
                return region(known.get(), ExposureSource.PROFILE);
            }
            notes.add(position.symbol() + ": the provider's country '" + country
                    + "' is not in the country table (exposure.countries)");
        }
        Optional<Countries.Country> byIsin = tables.countries().ofIsin(position.isin());
        if (byIsin.isPresent()) {
            return region(byIsin.get(), ExposureSource.ISIN);
        }
        Optional<Countries.Country> byListing = tables.countries().ofListing(position.symbol());
        if (byListing.isPresent()) {
            return region(byListing.get(), ExposureSource.LISTING);
        }
        notes.add(position.symbol() + ": " + (country != null ? "no known country"
                : whyNoProfile(profile, "country")) + ", no ISIN and a listing that names no country (region"
                + " Unclassified; a US listing may be a foreign company's ADR); a 'country' or 'region' column in the"
                + " file would classify it");
        return Classified.UNCLASSIFIED;
    }

    /** The sector bucket the candidate universe gives the company, if it lists it. */
    private Optional<String> universeSector(String symbol) {
        return listed(symbol).sector();
    }

    /** The company's country as the candidate universe gives it, if it lists it with one the country table knows. */
    private Optional<Countries.Country> universeCountry(String symbol) {
        return listed(symbol).country();
    }

    private Listed listed(String symbol) {
        return symbol == null ? Listed.NOT_LISTED
                : universe.getOrDefault(symbol.trim().toUpperCase(java.util.Locale.ROOT), Listed.NOT_LISTED);
    }

    private static String whyNoProfile(Fetch<Fundamentals> profile, String what) {
        if (profile instanceof Fetch.Ok) {
            return "the provider's profile has no " + what;
        }
        return profile instanceof Fetch.NoData ? "the provider has no profile" : "the profile could not be looked up";
    }

    private Classified region(Countries.Country country, ExposureSource source) {
        return taxonomy.bucketOf(country.region(), Dimension.REGION)
                .map(bucket -> new Classified(Weights.all(bucket), source))
                .orElse(Classified.UNCLASSIFIED);
    }

    /** Rule 1: the file's column, when it names a bucket (a country, for regions); a value that names none is noted. */
    private Optional<Classified> fromFile(Position position, Dimension dimension, List<String> notes) {
        String text = dimension == Dimension.SECTOR ? position.sector() : position.region();
        if (text != null) {
            Optional<String> bucket = fileBucket(text, dimension);
            if (bucket.isPresent()) {
                return Optional.of(new Classified(Weights.all(bucket.get()), ExposureSource.FILE));
            }
            notes.add(position.symbol() + ": the file's " + dimension.key() + " '" + text + "' is not one of "
                    + String.join(", ", taxonomy.buckets(dimension).stream().map(b -> b.name()).toList())
                    + ": ignored");
        }
        if (dimension == Dimension.REGION && position.country() != null) {
            Optional<Countries.Country> country = tables.countries().named(position.country());
            if (country.isPresent()) {
                return Optional.of(region(country.get(), ExposureSource.FILE));
            }
            notes.add(position.symbol() + ": the file's country '" + position.country()
                    + "' is not in the country table (exposure.countries): ignored");
        }
        return Optional.empty();
    }

    private Optional<String> fileBucket(String text, Dimension dimension) {
        return text == null || text.isBlank() ? Optional.empty() : taxonomy.bucketOf(text, dimension);
    }

    /** Rules 2a and 2b: the provider's figures of the fund, else the known-fund table's. */
    private Optional<Classified> fromFigures(String symbol, Dimension dimension, FundBreakdown provided,
                                             FundBreakdown known, List<String> notes) {
        FundBreakdown[] sources = {provided, known};
        ExposureSource[] names = {ExposureSource.PROVIDER_FUND, ExposureSource.KNOWN_FUND};
        for (int i = 0; i < sources.length; i++) {
            FundBreakdown figures = sources[i];
            Map<String, Double> weights = figures == null ? Map.of()
                    : dimension == Dimension.SECTOR ? figures.sectors() : figures.regions();
            if (!weights.isEmpty()) {
                Weights.Mapped mapped = Weights.mapped(weights, name -> taxonomy.bucketOf(name, dimension));
                note(notes, symbol, dimension.key() + " weights", figures, mapped.problem());
                return Optional.of(new Classified(mapped.weights(), names[i]));
            }
        }
        return Optional.empty();
    }

    private static void note(List<String> notes, String symbol, String what, FundBreakdown figures, String problem) {
        if (problem != null) {
            notes.add(symbol + ": " + what + (figures.source() == null ? "" : " from " + figures.source()) + ": "
                    + problem);
        }
    }

    /** A dimension's weights and the rule that gave them. */
    private record Classified(Weights weights, ExposureSource source) {
        static final Classified UNCLASSIFIED = new Classified(Weights.unclassified(), ExposureSource.UNCLASSIFIED);
    }
}
