package com.marketopportunities.portfolio;

import com.marketopportunities.text.FoldedText;
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
    ASSET_TYPE("asset_type", "asset_class"),
    ACQUIRED("acquired"),
    REGION("region"),
    COUNTRY("country"),
    ISIN("isin");

    private final String documentedName;
    /** Other names of the field, e.g. {@code asset_class} for {@code asset_type}. */
    private final String[] aliases;

    PositionField(String documentedName, String... aliases) {
        this.documentedName = documentedName;
        this.aliases = aliases;
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
            .flatMap(field -> java.util.stream.Stream.concat(java.util.stream.Stream.of(field.documentedName),
                    Arrays.stream(field.aliases)).map(name -> Map.entry(FoldedText.fold(name), field)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
}
