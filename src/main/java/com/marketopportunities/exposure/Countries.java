package com.marketopportunities.exposure;

import com.marketopportunities.text.FoldedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The country -> region table (EXPOSURE.md 2, rule 3), with each country's ISO code (an ISIN's
 * prefix) and the listing suffixes of its exchanges.
 */
public final class Countries {

    /**
     * One row of the table.
     *
     * @param listings Yahoo listing suffixes with their dot, e.g. {@code .SW}
     * @param aliases  other ways providers write the name, e.g. "Korea (South)"
     */
    public record Country(String name, String iso, String region, List<String> listings, List<String> aliases) {
        public Country {
            listings = List.copyOf(listings);
            aliases = List.copyOf(aliases);
        }
    }

    private final Map<String, Country> byName = new LinkedHashMap<>();
    private final Map<String, Country> byIso = new LinkedHashMap<>();
    private final Map<String, Country> bySuffix = new LinkedHashMap<>();

    public Countries(List<Country> countries) {
        for (Country country : countries) {
            byName.put(FoldedText.fold(country.name()), country);
            country.aliases().forEach(alias -> byName.put(FoldedText.fold(alias), country));
            byIso.put(country.iso().toUpperCase(Locale.ROOT), country);
            country.listings().forEach(suffix -> bySuffix.put(suffix.toUpperCase(Locale.ROOT), country));
        }
    }

    /** The country a provider or a file names ("Switzerland", "Korea (South)", "UK"), ignoring case and accents. */
    public Optional<Country> named(String name) {
        return Optional.ofNullable(byName.get(FoldedText.fold(name)));
    }

    /** The country of an ISIN's two-letter prefix ({@code CH0012032048} -> Switzerland); empty for XS and the like. */
    public Optional<Country> ofIsin(String isin) {
        if (isin == null || isin.length() < 2 || !isin.substring(0, 2).chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byIso.get(isin.substring(0, 2).toUpperCase(Locale.ROOT)));
    }

    /** The country of a Yahoo symbol's listing suffix ({@code SLHN.SW} -> Switzerland); empty without one. */
    public Optional<Country> ofListing(String symbol) {
        int dot = symbol == null ? -1 : symbol.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySuffix.get(symbol.substring(dot).toUpperCase(Locale.ROOT)));
    }
}
