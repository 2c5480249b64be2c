package com.marketopportunities.store;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis through Lettuce, optional at every moment.
 *
 * <ul>
 *   <li>Every command has a short timeout (about 250 ms); commands fail at once, never queue,
 *       while the connection is down.</li>
 *   <li>A circuit breaker stops sending commands after a few failures and probes again after a
 *       cool-down, so that a dead or frozen Redis costs requests nothing but an L1 lookup.</li>
 *   <li>Writes are not waited for; each one still counts for the breaker, a success or a failure once
 *       answered, as a read does. Closing gives the writes under way up to a second to land.</li>
 *   <li>Start-up without Redis is fine: one connection attempt bounded by the connect timeout,
 *       then attempts in the background every second until one succeeds; Lettuce re-makes a
 *       connection that drops, retrying at least once a second.</li>
 *   <li>In a Cluster, Redis degrades per node, not as a whole: a read's keys are grouped by the master
 *       that holds their slot, each group is one MGET within the timeout, and each master has its own
 *       breaker, so that a slow or frozen master loses only its own keys. A node's connection
 *       hand-shake (and the topology refresh's) is bounded by the command timeout too, not Lettuce's
 *       minute; the topology is refreshed on MOVED/ASK redirects, on reconnects and every 30 s, so
 *       that a failover is followed.</li>
 * </ul>
 */
public final class RedisSharedStore implements SharedStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSharedStore.class);
    private static final int SCAN_BATCH = 500;

    private final RedisSettings settings;
    private final io.lettuce.core.resource.ClientResources resources;
    private final AbstractRedisClient client;
    private final Function<AbstractRedisClient, StatefulConnection<String, String>> connector;
    private final AtomicReference<StatefulConnection<String, String>> connection = new AtomicReference<>();
    private final CircuitBreakerConfig breakerConfig;
    private final CircuitBreaker breaker;
    /** In a Cluster, each master's own breaker, by its address. */
    private final Map<String, CircuitBreaker> nodeBreakers = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService reconnector;
    private final AtomicLong errors = new AtomicLong();
    /** Writes sent and not yet answered: close() gives them a bounded time to land. */
    private final java.util.Set<CompletableFuture<?>> pendingWrites = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String lastError;
    private volatile boolean connected;

    public RedisSharedStore(RedisSettings settings) {
        this.settings = settings;
        String url = settings.url();
        SocketOptions socket = SocketOptions.builder().connectTimeout(settings.connectTimeout()).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(settings.commandTimeout());
        // Lettuce's default backoff grows to 30 s: after a long outage Redis would stay unused that long
        this.resources = io.lettuce.core.resource.DefaultClientResources.builder()
                .reconnectDelay(io.lettuce.core.resource.Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        if (url.startsWith("redis-cluster://") || url.startsWith("rediss-cluster://")) {
            List<RedisURI> seeds = clusterSeeds(url);
            // the seeds' timeout is every node connection's hand-shake timeout (Lettuce's default: a minute)
            seeds.forEach(seed -> seed.setTimeout(settings.commandTimeout()));
            RedisClusterClient cluster = RedisClusterClient.create(resources, seeds);
            cluster.setOptions(ClusterClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .topologyRefreshOptions(io.lettuce.core.cluster.ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(Duration.ofSeconds(30))
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                            .build())
                    .build());
            this.client = cluster;
            this.connector = c -> ((RedisClusterClient) c).connect(StringCodec.UTF8);
        } else {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(settings.commandTimeout());
            RedisClient single = RedisClient.create(resources);
            single.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            this.client = single;
            this.connector = c -> ((RedisClient) c).connect(StringCodec.UTF8, uri);
        }
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures() * 2)
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        this.breaker = newBreaker("redis", settings.maskedUrl());
        this.reconnector = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        // one attempt now, bounded by the connect timeout, so that a short-lived process finds Redis
        // ready; after that, in the background
        connectIfNeeded();
        reconnector.scheduleWithFixedDelay(this::connectIfNeeded, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        if (connection.get() instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            return getAllByNode(clusterConnection(cluster), keys);
        }
        List<KeyValue<String, String>> found = call("MGET", commands -> commands.mget(keys.toArray(String[]::new)));
        Map<String, String> values = new LinkedHashMap<>();
        if (found != null) {
            found.stream().filter(KeyValue::hasValue).forEach(pair -> values.put(pair.getKey(), pair.getValue()));
        }
        return values;
    }

    /**
     * A Cluster read: the keys grouped by the master of their slot, one MGET per slot, all sent at
     * once and awaited together within the timeout; a master whose breaker is open is not asked, and
     * one that does not answer in time loses only its own keys.
     */
    private Map<String, String> getAllByNode(StatefulRedisClusterConnection<String, String> cluster,
                                             Collection<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<Integer, List<String>> bySlot = io.lettuce.core.cluster.SlotHash.partition(StringCodec.UTF8, keys);
        record Asked(String node, CircuitBreaker breaker, long started,
                     CompletableFuture<List<KeyValue<String, String>>> answer) {
        }
        List<Asked> asked = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> slot : bySlot.entrySet()) {
            String node = nodeOf(cluster, slot.getKey());
            CircuitBreaker nodeBreaker = breakerOf(node);
            if (!nodeBreaker.tryAcquirePermission()) {
                continue;
            }
            CompletableFuture<List<KeyValue<String, String>>> answer;
            try {
                answer = cluster.async().mget(slot.getValue().toArray(String[]::new)).toCompletableFuture();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            asked.add(new Asked(node, nodeBreaker, System.nanoTime(), answer));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.commandTimeout().toMillis() + 50);
        for (Asked one : asked) {
            try {
                List<KeyValue<String, String>> found = one.answer().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                one.breaker().onSuccess(System.nanoTime() - one.started(), TimeUnit.NANOSECONDS);
                record("MGET", null);
                found.stream().filter(KeyValue::hasValue).forEach(pair -> values.put(pair.getKey(), pair.getValue()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return values;
            } catch (Exception e) {
                one.answer().cancel(false);
                one.breaker().onError(System.nanoTime() - one.started(), TimeUnit.NANOSECONDS, e);
                record("MGET on " + one.node(), e);
            }
        }
        return values;
    }

    /** The address of the master that holds {@code slot} now, or "cluster" before the topology is known. */
    private static String nodeOf(StatefulRedisClusterConnection<String, String> cluster, int slot) {
        io.lettuce.core.cluster.models.partitions.RedisClusterNode node = cluster.getPartitions().getPartitionBySlot(slot);
        return node == null || node.getUri() == null ? "cluster" : node.getUri().getHost() + ":" + node.getUri().getPort();
    }

    private CircuitBreaker breakerOf(String node) {
        return nodeBreakers.computeIfAbsent(node, name -> newBreaker("redis " + name, settings.maskedUrl() + " node " + name));
    }

    private CircuitBreaker newBreaker(String name, String what) {
        CircuitBreaker made = CircuitBreaker.of(name, breakerConfig);
        made.getEventPublisher().onStateTransition(event -> LOG.warn("Redis cache {}: {}", what,
                event.getStateTransition()));
        return made;
    }

    @SuppressWarnings("unchecked")
    private static StatefulRedisClusterConnection<String, String> clusterConnection(StatefulRedisClusterConnection<?, ?> cluster) {
        return (StatefulRedisClusterConnection<String, String>) cluster;
    }

    @Override
    public void putAll(Map<String, TimedValue> values) {
        StatefulConnection<String, String> current = connection.get();
        if (current == null || !current.isOpen() || values.isEmpty()) {
            return;
        }
        RedisClusterAsyncCommands<String, String> commands = commands(current);
        StatefulRedisClusterConnection<String, String> cluster = current instanceof StatefulRedisClusterConnection<?, ?> c
                ? clusterConnection(c) : null;
        values.forEach((key, timed) -> {
            // each write is a call through the breaker (its master's, in a Cluster), as each read is: not sent
            // while it is open, and its answer, when it comes, counts as a success or a failure
            CircuitBreaker breaker = cluster == null ? this.breaker
                    : breakerOf(nodeOf(cluster, io.lettuce.core.cluster.SlotHash.getSlot(key)));
            if (!breaker.tryAcquirePermission()) {
                return;
            }
            long started = System.nanoTime();
            CompletableFuture<String> write;
            try {
                write = commands.set(key, timed.value(), SetArgs.Builder.px(Math.max(1, timed.ttl().toMillis())))
                        .toCompletableFuture();
            } catch (RuntimeException e) {
                write = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<String> sent = write;
            pendingWrites.add(sent);
            sent.whenComplete((ok, error) -> {
                pendingWrites.remove(sent);
                long took = System.nanoTime() - started;
                if (error == null) {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                } else {
                    breaker.onError(took, TimeUnit.NANOSECONDS, error);
                }
                record("SET", error);
            });
        });
    }

    @Override
    public List<KeyTtl> keys(String pattern, int limit) {
        List<String> keys = scan(pattern, limit).keys();
        List<KeyTtl> withTtl = new ArrayList<>();
        for (String key : keys) {
            Long ttl = call("TTL", commands -> commands.ttl(key));
            withTtl.add(new KeyTtl(key, ttl == null || ttl < 0 ? null : ttl));
        }
        return withTtl;
    }

    @Override
    public OptionalLong count(String pattern) {
        Scanned scanned = scan(pattern, Integer.MAX_VALUE);
        return scanned.complete() ? OptionalLong.of(scanned.keys().size()) : OptionalLong.empty();
    }

    @Override
    public long delete(String pattern) {
        long deleted = 0;
        List<String> keys = scan(pattern, Integer.MAX_VALUE).keys();
        for (int from = 0; from < keys.size(); from += SCAN_BATCH) {
            String[] batch = keys.subList(from, Math.min(keys.size(), from + SCAN_BATCH)).toArray(String[]::new);
            Long removed = call("UNLINK", commands -> commands.unlink(batch));
            deleted += removed == null ? 0 : removed;
        }
        return deleted;
    }

    @Override
    public LockAttempt tryLock(String name, Duration ttl) {
        String token = UUID.randomUUID().toString();
        // SET NX answers OK when it set the key, nothing when the key exists
        return ask("SET NX", commands -> commands.set(name, token, SetArgs.Builder.nx().px(ttl.toMillis())))
                .map(answer -> "OK".equals(answer.value()) ? LockAttempt.taken(token) : LockAttempt.heldElsewhere())
                .orElseGet(LockAttempt::unreachable);
    }

    @Override
    public void unlock(String name, String token) {
        // delete only our own lock: compare and delete in one step
        call("EVAL", commands -> commands.eval("if redis.call('get', KEYS[1]) == ARGV[1] then "
                + "return redis.call('del', KEYS[1]) else return 0 end", io.lettuce.core.ScriptOutputType.INTEGER,
                new String[] {name}, token));
    }

    @Override
    public SharedStoreStatus status() {
        return new SharedStoreStatus(SharedStoreStatus.Backend.REDIS, settings.maskedUrl(), connected
                && connection.get() != null && connection.get().isOpen(), breakerState(), lastError, errors.get());
    }

    /** On a Cluster, the PING goes to the node Lettuce's default connection is on; each master's breaker shows in the state. */
    @Override
    public SharedStoreStatus checkedStatus() {
        call("PING", RedisClusterAsyncCommands::ping);
        return status();
    }

    /** The breaker's state; in a Cluster, the worst of the masters' (one master's open breaker shows). */
    private SharedStoreStatus.BreakerState breakerState() {
        CircuitBreaker.State state = breaker.getState();
        for (CircuitBreaker node : nodeBreakers.values()) {
            if (node.getState() == CircuitBreaker.State.OPEN || state != CircuitBreaker.State.OPEN
                    && node.getState() == CircuitBreaker.State.HALF_OPEN) {
                state = node.getState();
            }
        }
        return switch (state) {
            case OPEN, FORCED_OPEN -> SharedStoreStatus.BreakerState.OPEN;
            case HALF_OPEN -> SharedStoreStatus.BreakerState.HALF_OPEN;
            // disabled or only measuring: commands are sent
            default -> SharedStoreStatus.BreakerState.CLOSED;
        };
    }

    /** Keys a SCAN found, and whether it went to its end (or to its limit) without a failure. */
    private record Scanned(List<String> keys, boolean complete) {
    }

    /** SCAN with MATCH, stopping at {@code limit} keys, or at the first command Redis does not answer. */
    private Scanned scan(String pattern, int limit) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(SCAN_BATCH);
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = call("SCAN", commands -> commands.scan(from, args));
            if (page == null) {
                return new Scanned(keys, false);
            }
            for (String key : page.getKeys()) {
                if (keys.size() < limit) {
                    keys.add(key);
                }
            }
            cursor = page;
        } while (!cursor.isFinished() && keys.size() < limit);
        return new Scanned(keys, true);
    }

    /**
     * One command within the timeout and through the breaker: its answer, or {@code null} when
     * Redis could not answer (recorded, never thrown) or answered nothing.
     */
    private <T> T call(String what, Function<RedisClusterAsyncCommands<String, String>, io.lettuce.core.RedisFuture<T>> command) {
        return ask(what, command).map(Answer::value).orElse(null);
    }

    /** A command's answer, which may be nothing (SET NX on an existing key, GET of a missing one). */
    private record Answer<T>(T value) {
    }

    /**
     * One command within the timeout and through the breaker: its answer, or empty when Redis could
     * not answer (not connected, breaker open, timeout, error: recorded, never thrown).
     */
    private <T> Optional<Answer<T>> ask(String what,
                                        Function<RedisClusterAsyncCommands<String, String>, io.lettuce.core.RedisFuture<T>> command) {
        StatefulConnection<String, String> current = usable();
        if (current == null) {
            return Optional.empty();
        }
        try {
            T answer = breaker.executeCallable(() -> command.apply(commands(current))
                    .get(settings.commandTimeout().toMillis() + 50, TimeUnit.MILLISECONDS));
            record(what, null);
            return Optional.of(new Answer<>(answer));
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            record(what, e);
            return Optional.empty();
        }
    }

    /** The connection when the breaker lets commands through, else {@code null} at once. */
    private StatefulConnection<String, String> usable() {
        StatefulConnection<String, String> current = connection.get();
        if (current == null || !current.isOpen() || !breaker.tryAcquirePermission()) {
            return null;
        }
        breaker.releasePermission();
        return current;
    }

    private void record(String what, Throwable error) {
        if (error == null) {
            connected = true;
            return;
        }
        Throwable cause = error instanceof java.util.concurrent.ExecutionException && error.getCause() != null
                ? error.getCause() : error;
        errors.incrementAndGet();
        connected = false;
        String message = what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        if (!message.equals(lastError)) {
            LOG.warn("Redis cache {} failed ({}); serving from the in-process cache", settings.maskedUrl(), message);
        }
        lastError = message;
    }

    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<String, String> commands(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            return ((StatefulRedisClusterConnection<String, String>) cluster).async();
        }
        return ((StatefulRedisConnection<String, String>) connection).async();
    }

    private void connectIfNeeded() {
        if (connection.get() != null) {
            return;
        }
        try {
            StatefulConnection<String, String> made = connector.apply(client);
            connection.set(made);
            connected = true;
            LOG.info("Redis cache connected: {}", settings.maskedUrl());
        } catch (RuntimeException e) {
            record("connect", e);
        }
    }

    private static List<RedisURI> clusterSeeds(String url) {
        String scheme = url.startsWith("rediss-cluster://") ? "rediss://" : "redis://";
        String rest = url.substring(url.indexOf("://") + 3);
        String credentials = rest.contains("@") ? rest.substring(0, rest.indexOf('@') + 1) : "";
        String hosts = rest.substring(credentials.length()).replaceAll("/.*$", "");
        return Arrays.stream(hosts.split(",")).map(host -> RedisURI.create(scheme + credentials + host)).toList();
    }

    @Override
    public void close() {
        reconnector.shutdownNow();
        try {
            // a failed write must not cut the others' wait short
            CompletableFuture.allOf(pendingWrites.stream().map(write -> write.exceptionally(error -> null))
                    .toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{} cache writes to Redis were not answered within 1 s and may be lost", pendingWrites.size());
        }
        StatefulConnection<String, String> current = connection.getAndSet(null);
        CompletableFuture<Void> closing = current == null ? CompletableFuture.completedFuture(null)
                : current.closeAsync().toCompletableFuture();
        try {
            closing.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Redis connection did not close within 1 s (server frozen?); closing the client anyway");
        }
        client.shutdownAsync(0, 1, TimeUnit.SECONDS).whenComplete((done, error) -> resources.shutdown(0, 1, TimeUnit.SECONDS));
    }
}
