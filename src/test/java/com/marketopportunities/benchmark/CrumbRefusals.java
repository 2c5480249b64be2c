package com.marketopportunities.benchmark;

import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;

/** The stand-in's crumb answered 429 a given number of times first (not yet served by the stand-in). */
final class CrumbRefusals {

    private CrumbRefusals() {
    }

    static void apply(YahooStandIn.Builder builder, int refusals) {
        if (refusals > 0) {
            throw new IllegalArgumentException("this stand-in cannot answer the crumb 429 yet");
        }
    }

    static void reset(YahooStandIn standIn) {
    }
}
