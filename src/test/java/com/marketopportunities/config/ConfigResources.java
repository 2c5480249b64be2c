package com.marketopportunities.config;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The files of {@code src/test/resources/config/}, as paths a user would pass. */
final class ConfigResources {

    private ConfigResources() {
    }

    static Path path(String name) {
        try {
            return Path.of(ConfigResources.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource config/" + name + " not found", e);
        }
    }
}
