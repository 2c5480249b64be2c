package com.marketopportunities.sectors;

import com.marketopportunities.portfolio.Position;

/**
 * Puts a position in a bucket (SCANNER.md 1): the file's sector wins, then the known-ETF table,
 * then the provider's profile; anything else is Other, and a failed lookup Unknown.
 */
public final class SectorClassifier {

    private final Taxonomy taxonomy;

    public SectorClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Whether the position's bucket is known without asking the provider for a profile. */
    public boolean needsProfile(Position position) {
        return !hasFileSector(position) && taxonomy.etfBucket(position.symbol()).isEmpty();
    }

    /**
     * @param providerSector the provider's sector for the symbol, or {@code null} when it has none
     * @param lookupFailed   whether asking the provider failed (then the bucket is Unknown)
     */
    public Classification classify(Position position, String providerSector, boolean lookupFailed) {
        if (hasFileSector(position)) {
            return new Classification(taxonomy.bucketOfSector(position.sector()), Classification.Source.FILE);
        }
        var etf = taxonomy.etfBucket(position.symbol());
        if (etf.isPresent()) {
            return new Classification(etf.get(), Classification.Source.KNOWN_ETF);
        }
        if (lookupFailed) {
            return new Classification(Taxonomy.UNKNOWN, Classification.Source.LOOKUP_FAILED);
        }
        if (providerSector == null || providerSector.isBlank()) {
            return new Classification(Taxonomy.OTHER, Classification.Source.NONE);
        }
        String bucket = taxonomy.bucketOfSector(providerSector);
        return new Classification(bucket, bucket.equals(Taxonomy.OTHER) ? Classification.Source.NONE
                : Classification.Source.PROVIDER);
    }

    private static boolean hasFileSector(Position position) {
        return position.sector() != null && !position.sector().isBlank();
    }
}
