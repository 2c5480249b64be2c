package com.marketopportunities.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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

    /** How many keys match {@code pattern} (SCAN); empty when the store could not be asked to the end. */
    OptionalLong count(String pattern);

    /** Deletes every key matching {@code pattern} (SCAN and UNLINK); returns how many. */
    long delete(String pattern);

    /**
     * Takes the named lock for {@code ttl} if nobody holds it (SET NX PX). The attempt says whether it
     * was taken (with the token that releases it), is held by another holder, or could not be
     * asked for because the store cannot be reached.
     */
    LockAttempt tryLock(String name, Duration ttl);

    /** Releases a lock taken with {@link #tryLock}, if the token still holds it. */
    void unlock(String name, String token);

    SharedStoreStatus status();

    /**
     * The status once the store has been asked now (PING, within the timeout and through the
     * breaker), not only as the last commands found it: a store that no request has needed for a
     * while (every scan warm in process) may have stopped answering since. Never fails.
     */
    default SharedStoreStatus checkedStatus() {
        return status();
    }

    /** Closes within a bounded time, even when the server does not answer. */
    @Override
    void close();

    /** A value and how long the store keeps it. */
    record TimedValue(String value, Duration ttl) {
    }

    /** A key and its remaining time to live ({@code null}: no expiry). */
    record KeyTtl(String key, Long ttlSeconds) {
    }

    /**
     * What {@link #tryLock} came to.
     *
     * @param token releases the lock when {@link Outcome#TAKEN}, else {@code null}
     */
    record LockAttempt(Outcome outcome, String token) {

        public enum Outcome {
            TAKEN,
            /** Another holder has the lock. */
            HELD_ELSEWHERE,
            /** The store did not answer: nobody knows who holds the lock. */
            UNREACHABLE
        }

        public static LockAttempt taken(String token) {
            return new LockAttempt(Outcome.TAKEN, token);
        }

        public static LockAttempt heldElsewhere() {
            return new LockAttempt(Outcome.HELD_ELSEWHERE, null);
        }

        public static LockAttempt unreachable() {
            return new LockAttempt(Outcome.UNREACHABLE, null);
        }
    }
}
