package com.marketopportunities.currency;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.text.ShortList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A portfolio with every value in its base currency, at the rates of the as-of date
 * (EXPOSURE.md 3): each value times the rate of its currency (divided by 100 for a minor unit).
 * What cannot be converted (an unknown currency, no rate) is listed and left out of every figure,
 * never summed raw.
 *
 * @param portfolio   the converted positions only, in file order, their values in the base
 *                    currency ({@link Portfolio.Values#IN_BASE_CURRENCY}); its base currency and
 *                    origin are the original's
 * @param converted   each converted position with its rate, in the same order
 * @param unconverted the positions left out, in file order
 * @param warnings    for the top of the scan's warnings: the positions left out (first), then
 *                    each rate used that is older than {@link FxRate#STALE_AFTER_DAYS} days
 */
public record PortfolioConversion(Portfolio portfolio, List<ConvertedPosition> converted,
                                  List<UnconvertedPosition> unconverted, List<String> warnings) {

    public PortfolioConversion {
        Objects.requireNonNull(portfolio, "portfolio");
        converted = List.copyOf(converted);
        unconverted = List.copyOf(unconverted);
        warnings = List.copyOf(warnings);
    }

    /**
     * Converts every position's value to the portfolio's base currency as of {@code asOf}: a
     * value already in it as it is, one in a minor unit of it divided by 100, any other at the
     * rate {@link FxRates#rate} finds (each currency looked up once).
     */
    public static PortfolioConversion of(Portfolio portfolio, LocalDate asOf, FxRates rates) {
        String base = portfolio.baseCurrency();
        Map<String, Outcome> byCurrency = new HashMap<>();
        List<Position> positions = new ArrayList<>();
        List<ConvertedPosition> converted = new ArrayList<>();
        List<UnconvertedPosition> unconverted = new ArrayList<>();
        for (Position position : portfolio.positions()) {
            String currency = portfolio.valueCurrency(position);
            Outcome outcome = byCurrency.computeIfAbsent(currency, written -> outcome(written, base, asOf, rates));
            if (outcome.reason != null) {
                unconverted.add(new UnconvertedPosition(position.symbol(), currency, outcome.reason));
                continue;
            }
            double factor = outcome.rate.rate() / outcome.unit.perWhole();
            Position inBase = position.withMarketValue(position.marketValue() * factor);
            positions.add(inBase);
            converted.add(new ConvertedPosition(inBase, currency, position.marketValue(), factor, outcome.rate));
        }
        Portfolio inBase = new Portfolio(base, portfolio.baseCurrencyOrigin(), Portfolio.Values.IN_BASE_CURRENCY,
                positions);
        return new PortfolioConversion(inBase, converted, unconverted,
                warnings(base, unconverted, byCurrency.values().stream().filter(o -> o.rate != null).map(o -> o.rate)
                        .filter(FxRate::isStale).distinct().toList()));
    }

    /** The base currency, every converted value's currency. */
    public String baseCurrency() {
        return portfolio.baseCurrency();
    }

    /** The sum of the converted values, in the base currency. */
    public double totalValue() {
        return portfolio.totalValue();
    }

    private static Outcome outcome(String currency, String base, LocalDate asOf, FxRates rates) {
        if (!(CurrencyUnit.parseBase(base) instanceof ParsedCurrency.Known)) {
            return Outcome.failed("the base currency " + base + " is not an ISO 4217 code");
        }
        ParsedCurrency parsed = CurrencyUnit.parse(currency);
        if (parsed instanceof ParsedCurrency.Unknown unknown) {
            return Outcome.failed(unknown.reason());
        }
        CurrencyUnit unit = ((ParsedCurrency.Known) parsed).unit();
        RateLookup lookup = rates.rate(unit.iso(), base, asOf);
        if (lookup instanceof RateLookup.Missing missing) {
            return Outcome.failed(missing.reason());
        }
        return new Outcome(unit, ((RateLookup.Found) lookup).rate(), null);
    }

    private static List<String> warnings(String base, List<UnconvertedPosition> unconverted, List<FxRate> stale) {
        List<String> warnings = new ArrayList<>();
        if (!unconverted.isEmpty()) {
            // one entry per currency: its positions share the reason
            Map<String, List<String>> symbolsByCurrency = new LinkedHashMap<>();
            Map<String, String> reasons = new HashMap<>();
            for (UnconvertedPosition position : unconverted) {
                symbolsByCurrency.computeIfAbsent(position.currency(), c -> new ArrayList<>()).add(position.symbol());
                reasons.put(position.currency(), position.reason());
            }
            List<String> entries = symbolsByCurrency.entrySet().stream()
                    .map(e -> ShortList.of(e.getValue(), 5) + " (currency " + e.getKey() + ": " + reasons.get(e.getKey()) + ")")
                    .toList();
            int count = unconverted.size();
            warnings.add(String.format(Locale.ROOT, "%,d %s could not be converted to %s and %s left out of every figure: %s",
                    count, count == 1 ? "position" : "positions", base, count == 1 ? "is" : "are", String.join("; ", entries)));
        }
        for (FxRate rate : stale) {
            warnings.add("the " + rate.from() + "->" + rate.to() + " rate is of " + rate.date() + ", " + rate.ageDays()
                    + " days before " + rate.asOf() + " (" + oldestPair(rate) + " has nothing later); values in "
                    + rate.from() + " are converted at it");
        }
        return warnings;
    }

    /** The pair whose quote made the rate as old as it is. */
    private static String oldestPair(FxRate rate) {
        return rate.legs().stream().filter(leg -> leg.date().equals(rate.date())).findFirst()
                .map(leg -> leg.quoted().symbol()).orElse(rate.from() + rate.to() + "=X");
    }

    /** A currency's conversion: its unit and rate, or why there is none. */
    private record Outcome(CurrencyUnit unit, FxRate rate, String reason) {
        static Outcome failed(String reason) {
            return new Outcome(null, null, reason);
        }
    }
}
