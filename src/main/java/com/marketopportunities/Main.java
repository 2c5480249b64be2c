package com.marketopportunities;

import com.marketopportunities.api.ServeCommand;
import com.marketopportunities.cli.MarketOpportunitiesCli;

/**
 * The program: the command line ({@code scan}, {@code cache}) with the HTTP service's door
 * ({@code serve}) beside it. The one place that knows both doors, so neither imports the other.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MarketOpportunitiesCli.run(new ServeCommand(), args));
    }
}
