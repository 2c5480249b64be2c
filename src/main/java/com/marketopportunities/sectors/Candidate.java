package com.marketopportunities.sectors;

/**
 * A stock of the candidate universe: a blue chip that can fill a bucket's gap.
 *
 * @param symbol  the provider's (Yahoo's) symbol
 * @param name    the company's name
 * @param country the company's country as Yahoo's {@code assetProfile.country} writes it (e.g.
 *                "Switzerland"), or {@code null} when the universe does not say (a file of the older
 *                {@code [symbol, name]} shape)
 * @param sector  the company's sector as the file writes it (a taxonomy bucket name or an alias of one),
 *                or {@code null}: then the sector is the bucket of the sector ETF it stands under
 */
public record Candidate(String symbol, String name, String country, String sector) {

    public Candidate {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a symbol");
        }
        country = blankAsNull(country);
        sector = blankAsNull(sector);
    }

    /** A candidate of the older {@code [symbol, name]} shape: country and sector unknown. */
    public Candidate(String symbol, String name) {
        this(symbol, name, null, null);
    }

    /** A candidate whose sector is its sector ETF's bucket. */
    public Candidate(String symbol, String name, String country) {
        this(symbol, name, country, null);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
