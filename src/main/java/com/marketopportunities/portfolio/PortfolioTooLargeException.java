package com.marketopportunities.portfolio;

/** A portfolio over the size limit ({@link PortfolioReader#MAX_BYTES}): an HTTP upload gets 413. */
public class PortfolioTooLargeException extends PortfolioFormatException {

    public PortfolioTooLargeException(String source, String problem) {
        super(source, 0, null, problem);
    }
}
