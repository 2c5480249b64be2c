package com.marketopportunities.config;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The product's JSON: snake_case names, ISO dates, as the reference's clients expect (API.md). */
public final class JsonFormat {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private JsonFormat() {
    }

    /** A shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
