package com.marketopportunities.currency;

import com.marketopportunities.portfolio.Position;
import java.util.Objects;

/**
 * A position whose value was converted to the base currency.
 *
 * @param position      the position, its {@link Position#marketValue()} now in the base currency
 * @param valueCurrency the currency its value was in, as written ({@code GBp}, {@code CHF})
 * @param originalValue its value in {@code valueCurrency}
 * @param factor        what the value was multiplied by: the rate divided by 100 for a minor
 *                      unit ({@code GBp}: GBP->EUR / 100); 1 in the base currency
 * @param rate          the rate of the whole currency in the base, with its pairs and date
 */
public record ConvertedPosition(Position position, String valueCurrency, double originalValue, double factor,
                                FxRate rate) {

    public ConvertedPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(valueCurrency, "valueCurrency");
        Objects.requireNonNull(rate, "rate");
    }
}
