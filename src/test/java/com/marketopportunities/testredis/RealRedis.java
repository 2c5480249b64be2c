package com.marketopportunities.testredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} process on {@code 127.0.0.1} that a test or a benchmark starts, kills, freezes and
 * restarts itself, to see what the code under test does when Redis crashes, comes back empty or stops answering.
 *
 * <pre>{@code
 * try (RealRedis redis = RealRedis.start()) {
 *     RedisClient client = RedisClient.create(redis.url());
 *     ...
 *     redis.stop();      // crash: connections drop, new ones are refused
 *     redis.restart();   // an empty server on the same port
 *     redis.freeze();    // still connected, but every command hangs until its timeout
 *     redis.resume();    // answers again, on the same connections
 * }
 * }</pre>
 *
 * <p>Each server has no persistence ({@code --save "" --appendonly no}), its own temporary {@code --dir}, binds
 * {@code 127.0.0.1} only and has protected mode off. It is ready when it answers {@code PING} and reports, in
 * {@code INFO server}, the process id this object started, so a stranger already listening on the port is never
 * mistaken for it. The executable is {@code redis-server} from the {@code PATH} when there is one, else the Redis
 * 7.0.15 bundled in the test-scoped {@code embedded-redis} jar; {@code -Dtestredis.server=bundled} or
 * {@code =/path/to/redis-server} chooses (see {@link RedisServerBinary}).
 *
 * <p>Needs a POSIX system: {@link #freeze()} and {@link #resume()} run {@code kill -STOP} / {@code kill -CONT},
 * and {@link #stop()} sends SIGKILL. A shutdown hook kills every server not yet closed when the JVM exits normally,
 * on SIGTERM or on Ctrl-C; nothing can clean up after a SIGKILL of the JVM itself.
 *
 * <p>The methods are thread-safe; a server is meant to be driven by one test at a time.
 */
public final class RealRedis implements AutoCloseable {

    /** How long a server may take to answer once its process is started. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** How long {@link #restart()} and {@link #start(int)} wait for a port that another process holds. */
    static final Duration PORT_BUSY_PATIENCE = Duration.ofSeconds(3);

    private static final String HOST = "127.0.0.1";
    private static final String LOG = "redis-server.log";
    private static final int FREE_PORT_ATTEMPTS = 5;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<RealRedis> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean jvmExiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RealRedis::killAllOnExit, "testredis-shutdown"));
    }

    private final Path binary;
    private final Path dir;
    /** Arguments after the standard ones, e.g. {@code --cluster-enabled yes}. */
    private final List<String> extraArgs;
    /** A Sentinel's configuration, written to its run folder and given first; {@code null} for a server. */
    private final String sentinelConfig;
    /** The current or most recent server process; read without the lock by the shutdown hook. */
    private volatile Process process;
    private int port;
    private Path runDir;
    private int runs;
    private boolean frozen;
    private boolean closed;

    private RealRedis(Path binary, Path dir, List<String> extraArgs, String sentinelConfig) {
        this.binary = binary;
        this.dir = dir;
        this.extraArgs = List.copyOf(extraArgs);
        this.sentinelConfig = sentinelConfig;
    }

    /**
     * Starts a Redis Sentinel ({@code redis-server CONFIG --sentinel}) on a free port watching the master
     * {@code name} at {@code masterPort} on loopback, with a quorum of {@code quorum}: a master unanswered for
     * a second is down, and a failover may take 3 s.
     */
    public static RealRedis sentinel(String name, int masterPort, int quorum) {
        return launch(0, List.of(), "sentinel monitor " + name + " " + HOST + " " + masterPort + " " + quorum + "\n"
                + "sentinel down-after-milliseconds " + name + " 1000\n"
                + "sentinel failover-timeout " + name + " 3000\n"
                + "sentinel parallel-syncs " + name + " 1\n");
    }

    /**
     * Starts a server on a free port with {@code extraArgs} after the standard ones (a Cluster node:
     * {@code --cluster-enabled yes}; a replica: {@code --replicaof 127.0.0.1 PORT}), and returns once it answers.
     */
    public static RealRedis start(List<String> extraArgs) {
        return launch(0, extraArgs, null);
    }

    /**
     * Starts a server on a free port and returns once it answers.
     *
     * @throws RealRedisException if it does not answer within 10 s; the message holds what the server printed
     */
    public static RealRedis start() {
        return launch(0, List.of(), null);
    }

    /**
     * Starts a server on {@code port} and returns once it answers; {@code 0} picks a free port. Waits up to 3 s
     * for a port that another process holds.
     *
     * @throws RealRedisException if the port stays busy, or the server does not answer within 10 s
     */
    public static RealRedis start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        return launch(port, List.of(), null);
    }

    private static RealRedis launch(int port, List<String> extraArgs, String sentinelConfig) {
        Path binary = RedisServerBinary.locate();
        RealRedis redis;
        try {
            redis = new RealRedis(binary, Files.createTempDirectory("testredis-"), extraArgs, sentinelConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for redis-server", e);
        }
        OPEN.add(redis);
        try {
            synchronized (redis) {
                if (port == 0) {
                    redis.serveOnAFreePort();
                } else {
                    redis.serve(port);
                }
            }
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** {@code redis://127.0.0.1:PORT/0}, for {@code RedisClient.create(url)} or a {@code --redis} option. */
    public String url() {
        return "redis://" + HOST + ":" + port() + "/0";
    }

    /** The port, the same for the whole life of this object, across {@link #restart()}. */
    public synchronized int port() {
        return port;
    }

    /** The process id of the current server, or of the last one after {@link #stop()}; changes on each restart. */
    public long pid() {
        return process.pid();
    }

    /** Whether the server process is alive, frozen or not. */
    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Whether the server is stopped by {@link #freeze()} and not yet {@link #resume() resumed}. */
    public synchronized boolean isFrozen() {
        return frozen;
    }

    /**
     * Kills the server at once with SIGKILL, like a crash, and returns when it has exited: open connections are
     * closed by the kernel and new ones are refused. The port is remembered, not held, for {@link #restart()}.
     * Does nothing if it is already stopped.
     */
    public synchronized void stop() {
        Process current = process;
        if (current != null) {
            kill(current);
        }
        frozen = false;
    }

    /**
     * Starts a new, empty server on the same port and returns once it answers; stops the current one first if it
     * still runs. Waits up to 3 s for the port if another process holds it meanwhile.
     *
     * @throws RealRedisException if the port stays busy or the server does not answer within 10 s
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void restart() {
        requireOpen("restart");
        stop();
        serve(port);
    }

    /**
     * Stops the server process with {@code kill -STOP}: it keeps its port and connections but reads nothing, so
     * connecting still succeeds (the kernel accepts) while every command waits for its client-side timeout. On
     * Linux this returns once {@code /proc} shows the process stopped. Does nothing if already frozen.
     *
     * @throws IllegalStateException if the server is not running
     * @throws RealRedisException if {@code kill} fails or is missing (not a POSIX system)
     */
    public synchronized void freeze() {
        requireRunning("freeze");
        if (frozen) {
            return;
        }
        signal("STOP");
        frozen = true;
        awaitStopped(process.pid());
    }

    /**
     * Lets a frozen server run again with {@code kill -CONT}: it then answers, in order, the commands that waited,
     * including those whose client already gave up. Does nothing if the server is not frozen.
     */
    public synchronized void resume() {
        if (!frozen) {
            return;
        }
        requireRunning("resume");
        signal("CONT");
        frozen = false;
    }

    /** Resumes a frozen server, kills it and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Process current = process;
            if (current != null && current.isAlive()) {
                if (frozen) {
                    try {
                        signal("CONT");
                    } catch (RealRedisException e) {
                        // SIGKILL ends a stopped process all the same.
                    }
                }
                kill(current);
            }
        } finally {
            frozen = false;
            OPEN.remove(this);
            deleteQuietly(dir);
        }
    }

    @Override
    public synchronized String toString() {
        return "RealRedis[" + url() + (isRunning() ? ", pid " + pid() + (frozen ? ", frozen" : "") : ", stopped") + "]";
    }

    private void serveOnAFreePort() {
        for (int attempt = 1; attempt <= FREE_PORT_ATTEMPTS; attempt++) {
            if (launchOnce(freePort())) {
                return;
            }
        }
        throw new RealRedisException("every free port tried was taken before redis-server could bind it ("
                + FREE_PORT_ATTEMPTS + " attempts):\n" + serverOutput());
    }

    private void serve(int onPort) {
        long giveUp = System.nanoTime() + PORT_BUSY_PATIENCE.toNanos();
        while (!launchOnce(onPort)) {
            if (System.nanoTime() > giveUp) {
                throw new RealRedisException("port " + onPort + " stayed in use for " + PORT_BUSY_PATIENCE.toMillis()
                        + " ms:\n" + serverOutput());
            }
            pause(50);
        }
    }

    /** Runs one server on {@code onPort}: true once it answers, false if it could not bind the port. */
    private boolean launchOnce(int onPort) {
        if (jvmExiting) {
            throw new RealRedisException("the JVM is exiting");
        }
        // A fresh --dir per run: nothing a test saved (SAVE, BGSAVE) is loaded by the next server.
        if (runDir != null) {
            deleteQuietly(runDir);
        }
        runs++;
        runDir = dir.resolve("run-" + runs);
        port = onPort;
        frozen = false;
        Process started;
        try {
            Files.createDirectories(runDir);
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if (sentinelConfig != null) {
                Path config = runDir.resolve("sentinel.conf");
                Files.writeString(config, sentinelConfig);
                command.addAll(List.of(config.toString(), "--sentinel"));
            }
            command.addAll(List.of(
                    "--port", Integer.toString(onPort),
                    "--bind", HOST,
                    "--protected-mode", "no",
                    "--save", "",
                    "--appendonly", "no",
                    "--dir", runDir.toString()));
            command.addAll(extraArgs);
            started = spawn(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve(LOG).toFile()));
        } catch (IOException e) {
            throw new RealRedisException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        process = started;
        closeQuietly(started.getOutputStream());

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!started.isAlive()) {
                String output = serverOutput();
                // glibc says "Address already in use", musl (the bundled binaries) "Address in use".
                if (output.contains("Address already in use") || output.contains("Address in use")) {
                    return false;
                }
                throw new RealRedisException("redis-server exited with code " + started.exitValue()
                        + " before answering on port " + onPort + " (" + binary + "):\n" + output);
            }
            OptionalLong answering = answeringPid(onPort);
            if (answering.isPresent() && answering.getAsLong() == started.pid()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                kill(started);
                throw new RealRedisException("redis-server (" + binary + ", pid " + started.pid()
                        + ") did not answer on port " + onPort + " within " + START_TIMEOUT.toSeconds() + " s"
                        + (answering.isPresent() ? "; another server, pid " + answering.getAsLong() + ", answers there" : "")
                        + ":\n" + serverOutput());
            }
            pause(10);
        }
    }

    /**
     * Starts the process; retries "Text file busy", which a binary just extracted can raise while another thread
     * forks with the file still open for writing.
     */
    private static Process spawn(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt == 10 || e.getMessage() == null || !e.getMessage().contains("Text file busy")) {
                    throw e;
                }
                pause(20);
            }
        }
    }

    /**
     * The {@code process_id} that the server on {@code port} reports once it has answered {@code PING}, or empty if
     * nothing answers (yet).
     */
    static OptionalLong answeringPid(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 250);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(ISO_8859_1));
            // ISO-8859-1 maps each byte to one char, so the bulk length counts chars too.
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), ISO_8859_1));
            String header = "+PONG".equals(in.readLine()) ? in.readLine() : null;
            if (header == null || !header.startsWith("$")) {
                return OptionalLong.empty();
            }
            char[] info = new char[Integer.parseInt(header.substring(1))];
            for (int read = 0, n; read < info.length; read += n) {
                n = in.read(info, read, info.length - read);
                if (n < 0) {
                    return OptionalLong.empty();
                }
            }
            return new String(info).lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private void signal(String name) {
        long pid = process.pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
            closeQuietly(kill.getOutputStream());
            String output = new String(kill.getInputStream().readAllBytes(), ISO_8859_1).trim();
            if (!kill.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new RealRedisException("kill -" + name + " " + pid + " failed: " + output);
            }
        } catch (IOException e) {
            throw new RealRedisException("cannot run kill -" + name + " " + pid + ": RealRedis needs a POSIX system", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealRedisException("interrupted while sending SIG" + name + " to " + pid, e);
        }
    }

    /** Waits, where {@code /proc} exists, until the kernel has actually stopped the process. */
    private static void awaitStopped(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < giveUp) {
            String line;
            try {
                line = Files.readString(stat, ISO_8859_1);
            } catch (IOException e) {
                return;
            }
            // "pid (comm) S ...": the state follows the last parenthesis, as comm may hold anything.
            int close = line.lastIndexOf(')');
            char state = close >= 0 && close + 2 < line.length() ? line.charAt(close + 2) : 'T';
            if (state == 'T' || state == 't') {
                return;
            }
            pause(1);
        }
    }

    private static void kill(Process server) {
        server.destroyForcibly(); // SIGKILL on POSIX; it also ends a stopped process.
        try {
            if (!server.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RealRedisException("redis-server pid " + server.pid() + " did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealRedisException("interrupted while waiting for redis-server pid " + server.pid() + " to exit", e);
        }
    }

    private String serverOutput() {
        try {
            String output = Files.readString(runDir.resolve(LOG), ISO_8859_1);
            return output.isBlank() ? "(it printed nothing)" : output;
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new IllegalStateException("cannot " + action + " a closed " + this);
        }
    }

    private void requireRunning(String action) {
        requireOpen(action);
        if (!isRunning()) {
            throw new IllegalStateException("cannot " + action + " a stopped " + this);
        }
    }

    private static void killAllOnExit() {
        jvmExiting = true;
        // No locks here: a thread that holds one may never run again.
        for (RealRedis redis : OPEN) {
            Process current = redis.process;
            if (current != null) {
                current.destroyForcibly();
            }
        }
        for (RealRedis redis : OPEN) {
            Process current = redis.process;
            try {
                if (current != null) {
                    current.waitFor(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(redis.dir);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left in the temp dir; nothing a test can do about it.
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException | UncheckedIOException e) {
            // Left in the temp dir.
        }
    }

    private static void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // Nothing to release.
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealRedisException("interrupted", e);
        }
    }

    /**
     * Runs one server for a benchmark in another process: {@code java -cp <test classpath>
     * com.marketopportunities.testredis.RealRedis [--port N] [--ignore-stdin]}. Once the server answers it prints
     * {@code REDIS_URL=redis://127.0.0.1:PORT/0} then {@code REDIS_PID=<pid>} (for {@code kill -STOP}), one per
     * line, and runs until SIGTERM, Ctrl-C, the end of its standard input (unless {@code --ignore-stdin}; a
     * shell's {@code &} gives {@code /dev/null}, which ends at once) or the server's own death (exit code 1). The
     * server is killed on the way out.
     */
    public static void main(String[] args) {
        int port = 0;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            try {
                if (arg.equals("--port") && i + 1 < args.length) {
                    port = Integer.parseInt(args[++i]);
                } else if (arg.startsWith("--port=")) {
                    port = Integer.parseInt(arg.substring("--port=".length()));
                } else if (arg.equals("--ignore-stdin")) {
                    watchStdin = false;
                } else {
                    usage("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                usage("--port wants a number, got " + args[i]);
            }
        }
        RealRedis redis = start(port);
        System.out.println("REDIS_URL=" + redis.url());
        System.out.println("REDIS_PID=" + redis.pid());
        System.out.flush();

        CompletableFuture<String> end = new CompletableFuture<>();
        redis.process.onExit().thenRun(() -> end.complete("redis-server exited"));
        if (watchStdin) {
            Thread stdin = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read(new byte[1024]) >= 0) {
                        // Only its end matters.
                    }
                } catch (IOException e) {
                    // A broken stdin ends the run as a closed one does.
                }
                end.complete("standard input closed");
            }, "testredis-stdin");
            stdin.setDaemon(true);
            stdin.start();
        }
        String reason = end.join();
        boolean serverDied = !redis.isRunning();
        redis.close();
        System.err.println("RealRedis on port " + redis.port() + " stopped: " + reason);
        System.exit(serverDied ? 1 : 0);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: RealRedis [--port N] [--ignore-stdin]   (N = 0 picks a free port)");
        System.exit(2);
    }
}
