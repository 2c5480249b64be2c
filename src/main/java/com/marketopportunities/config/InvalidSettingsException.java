package com.marketopportunities.config;

/** A configuration value or file that cannot be used; the message names the file and key. */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }
}
