package com.marketopportunities.marketdata.yahoo.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the stand-in's handlers see it: decoded path, decoded query parameters, the cookies
 * the client sent, its {@code User-Agent} ("" when it sent none) and (for the consent form) the
 * decoded form fields of the body.
 */
record Incoming(String method, String path, String rawQuery, Map<String, List<String>> query,
        Map<String, String> cookies, String userAgent, Map<String, List<String>> form) {

    static Incoming read(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                String name = equals > 0 ? pair.substring(0, equals).trim() : "";
                if (!name.isEmpty() && !name.startsWith("$")) {
                    // A3's value itself holds '=' and '&' (d=...&S=...): split at the first '=' only.
                    // Quotes and $Version/$Path: the RFC 2965 form Java's CookieManager sends for a
                    // cookie set with Max-Age but no Expires (Yahoo's GUCS).
                    cookies.putIfAbsent(name, unquote(pair.substring(equals + 1).trim()));
                }
            }
        }
        Map<String, List<String>> form = Map.of();
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                form = parameters(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        return new Incoming(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                rawQuery == null ? "" : rawQuery, parameters(rawQuery), Map.copyOf(cookies),
                userAgent == null ? "" : userAgent, form);
    }

    /** The first value of a query parameter. */
    Optional<String> param(String name) {
        return first(query, name);
    }

    /** The first value of a form field. */
    Optional<String> field(String name) {
        return first(form, name);
    }

    /** Path and raw query, the key under which the 429 policy remembers a URL. */
    String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> found = values.get(name);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** {@code a=1&b=x%2Cy} as a multi-map, in URL-encoded form syntax (so '+' is a space). */
    static Map<String, List<String>> parameters(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
