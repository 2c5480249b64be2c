package com.marketopportunities.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * A portfolio: its positions and the currency every {@link Position#marketValue()} is in.
 */
public record Portfolio(String baseCurrency, List<Position> positions) {

    public static final String DEFAULT_BASE_CURRENCY = "USD";

    public Portfolio {
        baseCurrency = baseCurrency == null || baseCurrency.isBlank() ? DEFAULT_BASE_CURRENCY : baseCurrency.trim().toUpperCase();
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
    }

    public double totalValue() {
        return positions.stream().mapToDouble(Position::marketValue).sum();
    }
}
