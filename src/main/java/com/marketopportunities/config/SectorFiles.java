package com.marketopportunities.config;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the taxonomy ({@code sectors/taxonomy.json}) and the candidate universe
 * ({@code sectors/universe.json}), built in or a user's own file of the same shape.
 */
public final class SectorFiles {

    private static final String ENTRY_SHAPES =
            "[\"SYMBOL\", \"Name\"], [\"SYMBOL\", \"Name\", \"Country\"] or [\"SYMBOL\", \"Name\", \"Country\", \"Sector\"]";

    private SectorFiles() {
    }

    public static Taxonomy builtInTaxonomy() {
        return taxonomy(resource("/sectors/taxonomy.json"), "built-in sectors/taxonomy.json");
    }

    public static CandidateUniverse builtInUniverse() {
        return universe(resource("/sectors/universe.json"), "built-in sectors/universe.json");
    }

    public static Taxonomy taxonomy(Path file) {
        return taxonomy(read(file), file.toString());
    }

    public static CandidateUniverse universe(Path file) {
        return universe(read(file), file.toString());
    }

    private static Taxonomy taxonomy(JsonNode root, String source) {
        List<Bucket> buckets = new ArrayList<>();
        JsonNode list = root.path("buckets");
        if (!list.isArray() || list.isEmpty()) {
            throw new InvalidSettingsException(source + ": expected a non-empty \"buckets\" array");
        }
        for (JsonNode node : list) {
            try {
                buckets.add(new Bucket(required(node, "name", source), Dimension.valueOf(
                        required(node, node.has("dimension") ? "dimension" : "kind", source).toUpperCase(Locale.ROOT)),
                        percent(node, "min_pct", source), percent(node, "max_pct", source), required(node, "etf", source)));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(source + ": bucket " + node + ": " + e.getMessage()
                        + " (dimension is sector or region; min_pct <= max_pct within 0-100)");
            }
        }
        Map<String, String> aliases = textMap(root.path("sector_aliases"));
        aliases.putAll(textMap(root.path("aliases")));
        try {
            return new Taxonomy(buckets, aliases);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(source + ": " + e.getMessage());
        }
    }

    /**
     * Each ETF's entries are {@code [symbol, name]} (the older shape), {@code [symbol, name, country]}
     * or {@code [symbol, name, country, sector]}, all strings; an empty country or sector means unknown.
     */
    private static CandidateUniverse universe(JsonNode root, String source) {
        Map<String, List<Candidate>> byEtf = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            if (!entry.getValue().isArray()) {
                throw new InvalidSettingsException(source + ": under \"" + entry.getKey()
                        + "\" expected a list of entries " + ENTRY_SHAPES + ", got " + entry.getValue());
            }
            List<Candidate> candidates = new ArrayList<>();
            for (JsonNode candidate : entry.getValue()) {
                candidates.add(candidate(candidate, entry.getKey(), source));
            }
            byEtf.put(entry.getKey(), candidates);
        }
        try {
            return new CandidateUniverse(byEtf);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(source + ": " + e.getMessage());
        }
    }

    private static Candidate candidate(JsonNode entry, String etf, String source) {
        String where = source + ": under \"" + etf + "\" the entry " + entry;
        if (!entry.isArray() || entry.size() < 2 || entry.size() > 4) {
            throw new InvalidSettingsException(where + " is not one of " + ENTRY_SHAPES);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : entry) {
            if (!element.isString()) {
                throw new InvalidSettingsException(where + ": " + element + " is not a string (expected "
                        + ENTRY_SHAPES + ")");
            }
            texts.add(element.asString().trim());
        }
        if (texts.get(0).isEmpty()) {
            throw new InvalidSettingsException(where + " has a blank symbol");
        }
        return new Candidate(texts.get(0).toUpperCase(Locale.ROOT), texts.get(1),
                texts.size() > 2 ? texts.get(2) : null, texts.size() > 3 ? texts.get(3) : null);
    }

    private static Map<String, String> textMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), entry.getValue().asString());
        }
        return map;
    }

    private static double percent(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new InvalidSettingsException(source + ": bucket " + node + ": \"" + field
                    + "\" must be a number of percent points, got " + (value == null ? "nothing" : value));
        }
        return value.asDouble();
    }

    private static String required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || value.asString().isBlank()) {
            throw new InvalidSettingsException(source + ": bucket " + node + " has no \"" + field + "\"");
        }
        return value.asString();
    }

    private static JsonNode resource(String name) {
        try (InputStream in = SectorFiles.class.getResourceAsStream(name)) {
            return JsonFormat.mapper().readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("the built-in " + name + " cannot be read", e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JsonFormat.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new InvalidSettingsException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }
}
