package com.marketopportunities.api;

import com.marketopportunities.scorecache.TwoLevelScoreCache;
import com.marketopportunities.scorecache.CacheStats;
import com.marketopportunities.store.SharedStore;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cache management (admin token): the same operations as {@code market-opportunities cache}. */
@RestController
@RequestMapping("/api/bourse/cache")
class CacheController {

    private final TwoLevelScoreCache cache;

    CacheController(TwoLevelScoreCache cache) {
        this.cache = cache;
    }

    @Operation(summary = "What the cache holds and how it has done")
    @GetMapping("/stats")
    CacheStats stats() {
        return cache.stats();
    }

    @Operation(summary = "Keys matching a pattern within stock_score: or market_data:, with their TTL")
    @GetMapping("/keys")
    Map<String, Object> keys(@RequestParam(defaultValue = "stock_score:*") String pattern,
                             @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new Problems.BadParameterException("limit", "limit must be between 1 and 10000.");
        }
        List<SharedStore.KeyTtl> keys = cache.keys(pattern, limit);
        return Map.of("pattern", pattern, "keys", keys, "count", keys.size());
    }

    @Operation(summary = "Deletes the entries matching a pattern in both levels; '*' alone is refused")
    @PostMapping("/clear")
    Map<String, Object> clear(@RequestParam String pattern) {
        try {
            return Map.of("pattern", pattern, "deleted", cache.clear(pattern));
        } catch (IllegalArgumentException e) {
            throw new Problems.BadParameterException("pattern", e.getMessage());
        }
    }
}
