package com.marketopportunities.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** No shared level: one instance alone, on its in-process cache. Its locks are always free. */
public final class NoSharedStore implements SharedStore {

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        return Map.of();
    }

    @Override
    public void putAll(Map<String, TimedValue> values) {
    }

    @Override
    public List<KeyTtl> keys(String pattern, int limit) {
        return List.of();
    }

    @Override
    public OptionalLong count(String pattern) {
        return OptionalLong.of(0);
    }

    @Override
    public long delete(String pattern) {
        return 0;
    }

    @Override
    public LockAttempt tryLock(String name, Duration ttl) {
        return LockAttempt.taken(UUID.randomUUID().toString());
    }

    @Override
    public void unlock(String name, String token) {
    }

    @Override
    public SharedStoreStatus status() {
        return new SharedStoreStatus(SharedStoreStatus.Backend.NONE, null, false, SharedStoreStatus.BreakerState.CLOSED,
                null, 0);
    }

    @Override
    public void close() {
    }
}
