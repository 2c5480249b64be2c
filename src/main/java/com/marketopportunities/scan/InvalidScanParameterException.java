package com.marketopportunities.scan;

/**
 * A scan parameter outside its range: bad input the user can fix. The message says what the
 * rule is and what was given, without the parameter's name, which each door puts in front as its
 * users spell it.
 */
public final class InvalidScanParameterException extends IllegalArgumentException {

    private final ScanParameter parameter;

    InvalidScanParameterException(ScanParameter parameter, String rule) {
        super(rule);
        this.parameter = parameter;
    }

    public ScanParameter parameter() {
        return parameter;
    }
}
