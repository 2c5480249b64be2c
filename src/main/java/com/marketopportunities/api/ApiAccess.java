package com.marketopportunities.api;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what (API.md): API keys bound to user ids ({@code API_KEYS="key1:user1,key2:user2"})
 * for scans, and one admin token for cache management ({@code ADMIN_TOKEN}, generated when not
 * configured). With no keys, scans need no key and the service listens on loopback only.
 */
public final class ApiAccess {

    private final Map<String, String> userByKey;
    private final String adminToken;
    private final boolean adminTokenGenerated;

    public ApiAccess(String apiKeys, String adminToken) {
        this.userByKey = parse(apiKeys);
        this.adminTokenGenerated = adminToken == null || adminToken.isBlank();
        this.adminToken = adminTokenGenerated ? HexFormat.of().formatHex(new SecureRandom().generateSeed(16))
                : adminToken.trim();
    }

    /** {@code key1:user1,key2:user2}. */
    static Map<String, String> parse(String apiKeys) {
        Map<String, String> users = new LinkedHashMap<>();
        if (apiKeys == null || apiKeys.isBlank()) {
            return users;
        }
        for (String pair : apiKeys.split(",")) {
            String[] parts = pair.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("API_KEYS must read key1:user1,key2:user2; an entry is not "
                        + "key:user (its position: " + (users.size() + 1) + ")");
            }
            users.put(parts[0].trim(), parts[1].trim());
        }
        return users;
    }

    public boolean keysConfigured() {
        return !userByKey.isEmpty();
    }

    /** The user an API key belongs to. */
    public Optional<String> userOf(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        // compare every key in constant time, so that timing tells nothing about a near miss
        String found = null;
        for (Map.Entry<String, String> entry : userByKey.entrySet()) {
            if (constantTimeEquals(entry.getKey(), apiKey)) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isAdmin(String bearerToken) {
        return bearerToken != null && constantTimeEquals(adminToken, bearerToken);
    }

    /** The token, to be printed once at start-up when it was generated; never logged otherwise. */
    public Optional<String> generatedAdminToken() {
        return adminTokenGenerated ? Optional.of(adminToken) : Optional.empty();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
