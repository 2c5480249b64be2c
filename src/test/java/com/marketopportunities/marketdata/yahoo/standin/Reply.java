package com.marketopportunities.marketdata.yahoo.standin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An answer of the stand-in before it is written: status, headers (repeatable) and body. */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Yahoo's API content type (the recordings' {@code application/json;charset=utf-8}). */
    static Reply json(int status, JsonNode body) {
        return of(status, "application/json;charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static Reply text(int status, String body) {
        return of(status, "text/plain;charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(int status, String body) {
        return of(status, "text/html;charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect without body, as Yahoo's 302/307 answers have ({@code content-length: 0}). */
    static Reply redirect(int status, String location) {
        return new Reply(status, List.of(Map.entry("Location", location)), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Reply(status, List.copyOf(more), body);
    }

    private static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, List.of(Map.entry("Content-Type", contentType)), body);
    }
}
