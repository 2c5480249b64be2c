package com.marketopportunities.scorecache;

/**
 * A key pattern as Redis matches it ({@code SCAN MATCH}, {@code KEYS}), so that a pattern reaches the
 * same keys in process as in the shared level: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]}, {@code [a-c]} (a reversed range is the same range), {@code [^a-c]} one
 * character outside the class, and a backslash making the next character literal, inside a class or
 * outside. Like Redis, an unclosed class ends with the pattern. Immutable.
 */
record RedisGlob(String pattern) {

    boolean matches(String key) {
        int p = 0;
        int k = 0;
        // where the last star was and the key position it has swallowed up to: backtracking point
        int star = -1;
        int swallowed = 0;
        while (k < key.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = ++p;
                swallowed = k;
            } else if (p < pattern.length() && matchesOne(p, key.charAt(k))) {
                p = tokenEnd(p);
                k++;
            } else if (star >= 0) {
                p = star;
                k = ++swallowed;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Whether the token (a character, {@code ?}, an escape or a class) at {@code p} matches {@code c}. */
    private boolean matchesOne(int p, char c) {
        return switch (pattern.charAt(p)) {
            case '?' -> true;
            case '[' -> classMatches(p, c);
            case '\\' -> p + 1 < pattern.length() ? pattern.charAt(p + 1) == c : c == '\\';
            default -> pattern.charAt(p) == c;
        };
    }

    /** Where the token at {@code p} ends. */
    private int tokenEnd(int p) {
        return switch (pattern.charAt(p)) {
            case '[' -> classEnd(p);
            case '\\' -> Math.min(p + 2, pattern.length());
            default -> p + 1;
        };
    }

    private boolean classMatches(int open, char c) {
        int p = open + 1;
        boolean negated = p < pattern.length() && pattern.charAt(p) == '^';
        if (negated) {
            p++;
        }
        boolean match = false;
        while (p < pattern.length()) {
            char first = pattern.charAt(p);
            if (first == '\\' && p + 1 < pattern.length()) {
                match |= pattern.charAt(p + 1) == c;
                p += 2;
            } else if (first == ']') {
                break;
            } else if (p + 2 < pattern.length() && pattern.charAt(p + 1) == '-') {
                char from = (char) Math.min(first, pattern.charAt(p + 2));
                char to = (char) Math.max(first, pattern.charAt(p + 2));
                match |= c >= from && c <= to;
                p += 3;
            } else {
                match |= first == c;
                p++;
            }
        }
        return match != negated;
    }

    /** Just past the {@code ]} closing the class that opens at {@code open}, or the pattern's end. */
    private int classEnd(int open) {
        int p = open + 1;
        if (p < pattern.length() && pattern.charAt(p) == '^') {
            p++;
        }
        while (p < pattern.length()) {
            char first = pattern.charAt(p);
            if (first == '\\' && p + 1 < pattern.length()) {
                p += 2;
            } else if (first == ']') {
                return p + 1;
            } else if (p + 2 < pattern.length() && pattern.charAt(p + 1) == '-') {
                p += 3;
            } else {
                p++;
            }
        }
        return p;
    }
}
