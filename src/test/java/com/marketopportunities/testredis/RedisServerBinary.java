package com.marketopportunities.testredis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The {@code redis-server} executable that {@link RealRedis} runs, found once per JVM, in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY}: a path, or {@code bundled} to skip the PATH;</li>
 *   <li>the first executable {@code redis-server} on the {@code PATH};</li>
 *   <li>the Redis {@value #BUNDLED_VERSION} binary bundled in the test-scoped {@code org.signal:embedded-redis}
 *       jar for this OS and architecture, copied to a temporary directory that is deleted when the JVM exits.</li>
 * </ol>
 */
final class RedisServerBinary {

    static final String PROPERTY = "testredis.server";
    static final String BUNDLED_VERSION = "7.0.15";

    private static Path located;

    private RedisServerBinary() {
    }

    /** The executable; the first call may extract it (a few milliseconds), later calls return the same path. */
    static synchronized Path locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static Path find() {
        String chosen = System.getProperty(PROPERTY, "").trim();
        if (chosen.equals("bundled")) {
            return extractBundled();
        }
        if (!chosen.isEmpty()) {
            Path explicit = Path.of(chosen);
            if (!Files.isExecutable(explicit)) {
                throw new RealRedisException("-D" + PROPERTY + "=" + chosen + " is not an executable file");
            }
            return explicit;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                if (folder.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(folder, "redis-server");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return extractBundled();
    }

    private static Path extractBundled() {
        String resource = "/redis-server-" + BUNDLED_VERSION + "-" + platform();
        try (InputStream binary = RedisServerBinary.class.getResourceAsStream(resource)) {
            if (binary == null) {
                throw new RealRedisException("no " + resource + " on the classpath: is org.signal:embedded-redis a test"
                        + " dependency? Or put redis-server on the PATH, or pass -D" + PROPERTY + "=/path/to/redis-server");
            }
            Path folder = Files.createTempDirectory("testredis-bin-");
            Path executable = folder.resolve(resource.substring(1));
            // deleteOnExit deletes in reverse order of registration: the file first, then its folder.
            folder.toFile().deleteOnExit();
            executable.toFile().deleteOnExit();
            Files.copy(binary, executable, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
            return executable;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        } catch (UnsupportedOperationException e) {
            throw new RealRedisException("RealRedis needs a POSIX system (executable files, kill -STOP)", e);
        }
    }

    /** The suffix embedded-redis gives its binaries: {@code linux-amd64}, {@code darwin-arm64}, ... */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : null;
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            default -> null;
        };
        if (system == null || cpu == null) {
            throw new RealRedisException("no bundled redis-server for " + os + "/" + arch
                    + ": put redis-server on the PATH or pass -D" + PROPERTY + "=/path/to/redis-server");
        }
        return system + "-" + cpu;
    }
}
