package com.marketopportunities.json;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's JSON: snake_case names, ISO dates, as the reference's clients expect (API.md).
 * One setup for every face: the command line's {@code --format json}, the cache's documents and
 * the HTTP bodies (Spring's mapper is built with {@link #configure}), so they cannot drift apart.
 */
public final class JsonFormat {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private JsonFormat() {
    }

    /** Applies the product's conventions to a mapper being built (Spring's, or {@link #mapper()}). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** A shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
