package com.marketopportunities.sectors;

/** A stock of the candidate universe: a blue chip that can fill a bucket's gap. */
public record Candidate(String symbol, String name) {
}
