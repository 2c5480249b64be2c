package com.marketopportunities.exposure;

import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one holding is (EXPOSURE.md 2): its asset classes, and the sector and region weights of
 * its equity part, with the rule that gave each.
 *
 * @param assetClasses fractions of the holding's value per asset class, adding up to 1
 * @param sectors      its equity over the sectors (empty without equity)
 * @param regions      its equity over the regions (empty without equity)
 * @param sectorSource the rule that gave {@code sectors}; {@code null} without equity
 * @param regionSource the rule that gave {@code regions}; {@code null} without equity
 * @param notes        what the user should know: what is unclassified and what would classify
 *                     it, a file value that was ignored, figures that did not add up
 */
public record HoldingExposure(Map<AssetClass, Double> assetClasses, Weights sectors, Weights regions,
                              ExposureSource sectorSource, ExposureSource regionSource, List<String> notes) {

    public HoldingExposure {
        EnumMap<AssetClass, Double> copy = new EnumMap<>(AssetClass.class);
        copy.putAll(assetClasses);
        assetClasses = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    /** All equity, nothing known of it: the honest answer for an instrument nobody could describe (rule 5). */
    public static HoldingExposure unclassifiedEquity(List<String> notes) {
        return new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0), Weights.unclassified(), Weights.unclassified(),
                ExposureSource.UNCLASSIFIED, ExposureSource.UNCLASSIFIED, notes);
    }

    /** The fraction of the holding's value that is equity. */
    public double equityShare() {
        return assetClasses.getOrDefault(AssetClass.EQUITY, 0.0);
    }

    public Weights weights(Dimension dimension) {
        return dimension == Dimension.SECTOR ? sectors : regions;
    }

    /**
     * The fraction of the holding's whole value that lies in {@code bucket} of {@code dimension}:
     * its equity share times the bucket's weight.
     */
    public double share(Dimension dimension, String bucket) {
        return equityShare() * weights(dimension).of(bucket);
    }

    /** The bucket a one-word answer names: its largest sector, else its largest asset class. */
    public String mainBucket() {
        if (equityShare() > 0) {
            return sectors.largest().orElse(Taxonomy.UNCLASSIFIED);
        }
        return assetClasses.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> entry.getKey().label()).orElse(Taxonomy.UNCLASSIFIED);
    }
}
