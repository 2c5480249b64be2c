package com.marketopportunities.exposure;

import com.marketopportunities.text.FoldedText;
import java.util.Map;
import java.util.Optional;

/**
 * What a portfolio file's {@code asset_type} / {@code asset_class} / Saxo {@code Type d'actif}
 * says (EXPOSURE.md 2, rule 1): a stock, a fund, or an asset class without sector or region.
 */
enum FileAssetType {
    STOCK, FUND, FIXED_INCOME, COMMODITIES, CASH;

    private static final Map<String, FileAssetType> WORDS = Map.ofEntries(
            Map.entry("stock", STOCK), Map.entry("stocks", STOCK), Map.entry("equity", STOCK),
            Map.entry("equities", STOCK), Map.entry("share", STOCK), Map.entry("shares", STOCK),
            Map.entry("action", STOCK), Map.entry("actions", STOCK), Map.entry("commonstock", STOCK),
            Map.entry("etf", FUND), Map.entry("etfs", FUND), Map.entry("fund", FUND), Map.entry("funds", FUND),
            Map.entry("mutualfund", FUND), Map.entry("indexfund", FUND), Map.entry("etp", FUND),
            Map.entry("fonds", FUND), Map.entry("tracker", FUND), Map.entry("opcvm", FUND),
            Map.entry("bond", FIXED_INCOME), Map.entry("bonds", FIXED_INCOME), Map.entry("fixedincome", FIXED_INCOME),
            Map.entry("obligation", FIXED_INCOME), Map.entry("obligations", FIXED_INCOME),
            Map.entry("bondfund", FIXED_INCOME), Map.entry("bondetf", FIXED_INCOME),
            Map.entry("gold", COMMODITIES), Map.entry("silver", COMMODITIES), Map.entry("commodity", COMMODITIES),
            Map.entry("commodities", COMMODITIES), Map.entry("or", COMMODITIES), Map.entry("etc", COMMODITIES),
            Map.entry("cash", CASH), Map.entry("moneymarket", CASH), Map.entry("liquidites", CASH),
            Map.entry("liquidity", CASH));

    /** The meaning of the file's text; empty when it has none or says something else (e.g. "CFD"). */
    static Optional<FileAssetType> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = FoldedText.fold(text).replaceAll("[0-9]", "");
        return Optional.ofNullable(WORDS.get(folded));
    }

    /** The asset class of a type that is no equity, or empty for a stock or a fund. */
    Optional<AssetClass> nonEquityClass() {
        return switch (this) {
            case FIXED_INCOME -> Optional.of(AssetClass.FIXED_INCOME);
            case COMMODITIES -> Optional.of(AssetClass.COMMODITIES);
            case CASH -> Optional.of(AssetClass.CASH);
            case STOCK, FUND -> Optional.empty();
        };
    }
}
