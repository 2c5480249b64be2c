package com.marketopportunities.sectors;

/**
 * Where a position was put and on what grounds.
 *
 * @param bucket  a bucket name, {@link Taxonomy#OTHER} or {@link Taxonomy#UNKNOWN}
 * @param source  what decided it
 */
public record Classification(String bucket, Source source) {

    public enum Source {
        /** The portfolio file gave the sector. */
        FILE,
        /** A known ETF. */
        KNOWN_ETF,
        /** The market-data provider's profile. */
        PROVIDER,
        /** The provider had no sector, or one that maps to no bucket. */
        NONE,
        /** The profile could not be looked up. */
        LOOKUP_FAILED
    }
}
