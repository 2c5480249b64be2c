package com.marketopportunities.scan;

/** The scan could not produce an answer (e.g. no market data could be had at all). */
public class ScanFailedException extends RuntimeException {

    public ScanFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
