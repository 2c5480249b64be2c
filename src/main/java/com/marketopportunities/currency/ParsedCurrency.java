package com.marketopportunities.currency;

import java.util.Objects;

/** What a currency code read as: a {@link CurrencyUnit}, or why it is none. */
public sealed interface ParsedCurrency {

    /** The code names a currency the product can convert from (given a rate). */
    record Known(CurrencyUnit unit) implements ParsedCurrency {
        public Known {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * The code names no currency.
     *
     * @param written the code as given
     * @param reason  why, in plain words: {@code not an ISO 4217 code}
     */
    record Unknown(String written, String reason) implements ParsedCurrency {
        public Unknown {
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
