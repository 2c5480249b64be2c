package com.marketopportunities.portfolio;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of a position, named as the plain CSV header and the JSON body name them (DATA.md
 * "Portfolios"). Names match whatever the case and the separators: {@code Market Value},
 * {@code market-value} and {@code marketValue} are all {@link #MARKET_VALUE}.
 */
enum PositionField {
    SYMBOL("symbol"),
    NAME("name"),
    MARKET_VALUE("market_value"),
    QUANTITY("quantity"),
    PRICE("price"),
    CURRENT_PRICE("current_price"),
    ENTRY_PRICE("entry_price"),
    CURRENCY("currency"),
    SECTOR("sector"),
    ASSET_TYPE("asset_type"),
    ACQUIRED("acquired");

    private final String documentedName;

    PositionField(String documentedName) {
        this.documentedName = documentedName;
    }

    /** The name as DATA.md writes it, e.g. {@code market_value}. */
    String documentedName() {
        return documentedName;
    }

    static Optional<PositionField> named(String header) {
        return Optional.ofNullable(BY_FOLDED_NAME.get(HeaderKey.of(header).key()));
    }

    /** Folded once: a header of many columns asks for each of them. */
    private static final Map<String, PositionField> BY_FOLDED_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(field -> FoldedText.fold(field.documentedName), field -> field));
}
