package com.marketopportunities.portfolio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads portfolio texts and fixtures the way callers do, for the tests of this package. */
final class PortfolioReading {

    private PortfolioReading() {
    }

    static PortfolioImport read(String sourceName, String content) {
        return read(sourceName, content, null);
    }

    static PortfolioImport read(String sourceName, String content, PortfolioFormat forced) {
        try {
            return new PortfolioReader().read(sourceName,
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), forced);
        } catch (IOException notFromMemory) {
            throw new UncheckedIOException(notFromMemory);
        }
    }

    static PortfolioImport readFixture(String name) {
        try {
            return new PortfolioReader().read(fixture(name), null);
        } catch (IOException missingFixture) {
            throw new UncheckedIOException(missingFixture);
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(PortfolioReading.class.getResource("/portfolio/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Position position(PortfolioImport imported, String symbol) {
        return imported.portfolio().positions().stream()
                .filter(position -> position.symbol().equals(symbol))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no position " + symbol + " in " + imported.portfolio()));
    }
}
