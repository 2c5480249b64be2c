package com.marketopportunities.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The cache level shared by every instance (Redis), or none.
 *
 * <p>Honest about failure and never a cause of it: every method returns within the store's
 * timeout, whatever the server does (down, frozen, restarting). A read that cannot be answered is
 * an empty answer, a write that cannot be made is dropped; both are counted and logged as
 * warnings, never thrown to the caller. Thread-safe.
 */
public interface SharedStore extends AutoCloseable {

    /**
     * Whether other instances see what this store holds. {@code false} for the stand-in of a
     * process alone, whose reads are always empty, so that callers can skip the work of asking.
     */
    boolean isShared();

    /** The values of the keys that exist, in one round trip (MGET). */
    Map<String, String> getAll(Collection<String> keys);

    /** Stores each value with its time to live, without waiting for the answer. */
    void putAll(Map<String, TimedValue> values);

    /** Up to {@code limit} keys matching the glob {@code pattern}, with their remaining TTL (SCAN, never KEYS). */
    List<KeyTtl> keys(String pattern, int limit);

    /** How many keys match {@code pattern} (SCAN). */
    long count(String pattern);

    /** Deletes every key matching {@code pattern} (SCAN and UNLINK); returns how many. */
    long delete(String pattern);

    /**
     * Takes the named lock for {@code ttl} if nobody holds it (SET NX PX); the returned token
     * releases it. Empty when another holder has it, or when the store cannot be reached.
     */
    java.util.Optional<String> tryLock(String name, Duration ttl);

    /** Releases a lock taken with {@link #tryLock}, if the token still holds it. */
    void unlock(String name, String token);

    SharedStoreStatus status();

    /** Closes within a bounded time, even when the server does not answer. */
    @Override
    void close();

    /** A value and how long the store keeps it. */
    record TimedValue(String value, Duration ttl) {
    }

    /** A key and its remaining time to live ({@code null}: no expiry). */
    record KeyTtl(String key, Long ttlSeconds) {
    }
}
