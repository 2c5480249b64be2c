package com.marketopportunities.testredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealRedisTest {

    /** A Lettuce client and its one connection, with a command timeout. */
    record Connected(RedisClient client, StatefulRedisConnection<String, String> connection) implements AutoCloseable {

        static Connected to(RealRedis redis, Duration commandTimeout) {
            RedisURI uri = RedisURI.create(redis.url());
            uri.setTimeout(commandTimeout);
            RedisClient client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                    .build());
            try {
                return new Connected(client, client.connect());
            } catch (RuntimeException e) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                throw e;
            }
        }

        static Connected to(RealRedis redis) {
            return to(redis, Duration.ofSeconds(5));
        }

        RedisCommands<String, String> sync() {
            return connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void aStartedServerStoresValuesWithTheirTimeToLive() {
        try (RealRedis redis = RealRedis.start(); Connected lettuce = Connected.to(redis)) {
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
            assertThat(redis.isRunning()).isTrue();
            assertThat(ProcessHandle.of(redis.pid())).hasValueSatisfying(server -> assertThat(server.isAlive()).isTrue());

            lettuce.sync().setex("score:ASML", 60, "71.5");

            assertThat(lettuce.sync().get("score:ASML")).isEqualTo("71.5");
            assertThat(lettuce.sync().ttl("score:ASML")).isBetween(58L, 60L);
            assertThat(lettuce.sync().configGet("save")).containsEntry("save", "");
        }
    }

    @Test
    void aStoppedServerIsGoneAndRefusesConnections() {
        try (RealRedis redis = RealRedis.start()) {
            long pid = redis.pid();

            redis.stop();

            assertThat(redis.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThatThrownBy(() -> Connected.to(redis)).isInstanceOf(RedisConnectionException.class);
        }
    }

    @Test
    void aRestartedServerListensOnTheSamePortAndStartsEmpty() {
        try (RealRedis redis = RealRedis.start()) {
            int port = redis.port();
            long firstPid = redis.pid();
            try (Connected lettuce = Connected.to(redis)) {
                lettuce.sync().set("score:ASML", "71.5");
                lettuce.sync().save(); // even a snapshot on disk must not come back
            }

            redis.stop();
            redis.restart();

            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.pid()).isNotEqualTo(firstPid);
            try (Connected lettuce = Connected.to(redis)) {
                assertThat(lettuce.sync().get("score:ASML")).isNull();
                assertThat(lettuce.sync().dbsize()).isZero();
            }
        }
    }

    @Test
    void restartWaitsForItsPortWhileAnotherProcessBrieflyHoldsIt() throws IOException {
        try (RealRedis redis = RealRedis.start()) {
            redis.stop();
            ServerSocket squatter = new ServerSocket(redis.port(), 1, InetAddress.getByName("127.0.0.1"));
            CompletableFuture.runAsync(() -> close(squatter), CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
            long started = System.nanoTime();

            redis.restart();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            try (Connected lettuce = Connected.to(redis)) {
                assertThat(lettuce.sync().ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void aFrozenServerKeepsItsConnectionsButTimesOutCommandsUntilResumed() {
        try (RealRedis redis = RealRedis.start(); Connected lettuce = Connected.to(redis, Duration.ofMillis(300))) {
            lettuce.sync().set("score:ASML", "71.5");

            redis.freeze();

            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.isFrozen()).isTrue();
            long sent = System.nanoTime();
            assertThatThrownBy(() -> lettuce.sync().set("score:ASML", "80.0"))
                    .isInstanceOf(RedisCommandTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
            assertThat(lettuce.connection().isOpen()).isTrue();

            redis.resume();

            // The same connection answers again; the write that timed out on the client still ran on the server.
            assertThat(lettuce.sync().get("score:ASML")).isEqualTo("80.0");
            assertThat(lettuce.sync().get("score:MISSING")).isNull();
        }
    }

    @Test
    void closeLeavesNoProcessEvenWhenTheServerIsFrozen() {
        RealRedis redis = RealRedis.start();
        long pid = redis.pid();
        redis.freeze();

        redis.close();

        assertThat(redis.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(redis::restart).isInstanceOf(IllegalStateException.class);
        redis.close();
    }

    @Test
    void mainPrintsTheUrlThenStopsTheServerWhenItsInputCloses() throws Exception {
        Process main = runMain();
        try {
            Lines output = Lines.of(main);
            String url = output.next("REDIS_URL=").substring("REDIS_URL=".length());
            long serverPid = Long.parseLong(output.next("REDIS_PID=").substring("REDIS_PID=".length()));
            assertThat(url).matches("redis://127\\.0\\.0\\.1:\\d+/0");
            assertThat(ping(url)).isEqualTo("PONG");

            main.getOutputStream().close();

            assertThat(main.waitFor(10, TimeUnit.SECONDS)).as("main exits when its input closes").isTrue();
            assertThat(main.exitValue()).isZero();
            assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            main.destroyForcibly();
        }
    }

    @Test
    void mainStopsTheServerOnSigterm() throws Exception {
        Process main = runMain("--ignore-stdin");
        try {
            Lines output = Lines.of(main);
            output.next("REDIS_URL=");
            long serverPid = Long.parseLong(output.next("REDIS_PID=").substring("REDIS_PID=".length()));

            main.destroy(); // SIGTERM

            assertThat(main.waitFor(10, TimeUnit.SECONDS)).as("main exits on SIGTERM").isTrue();
            assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            main.destroyForcibly();
        }
    }

    private static Process runMain(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                RealRedis.class.getName(), "--port", "0"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String ping(String url) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines a process prints, read in the background so that a silent process fails the test, not hangs it. */
    record Lines(BlockingQueue<String> queue, List<String> seen) {

        static Lines of(Process process) {
            Lines lines = new Lines(new LinkedBlockingQueue<>(), new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.queue.add(line);
                    }
                } catch (IOException e) {
                    // The process is gone; next() reports what it printed.
                }
            }, "main-output");
            reader.setDaemon(true);
            reader.start();
            return lines;
        }

        /** The next line starting with {@code prefix}, waiting up to 15 s. */
        String next(String prefix) throws InterruptedException {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < giveUp) {
                String line = queue.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            throw new AssertionError("no line starting with " + prefix + " within 15 s; printed: " + seen);
        }
    }
}
