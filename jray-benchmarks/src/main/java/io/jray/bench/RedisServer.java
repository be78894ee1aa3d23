package io.jray.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A fresh {@code redis-server} from PATH, started by the benchmark on a free loopback port with
 * persistence off, so no other client disturbs the counters it reads.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        this.connection = client.connect();
    }

    /** Starts the server and waits until it answers; its log goes to {@code logDir}. */
    public static RedisServer start(Path logDir) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", logDir.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(logDir.resolve("redis-server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return new RedisServer(process, port);
            }
            catch (RuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("redis-server did not start on port " + port + ", see " + logDir, e);
                }
                Thread.sleep(50);
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** A synchronous connection of the benchmark's own, for statistics. */
    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** The server's version, such as {@code 7.0.15}. */
    public String version() {
        return RedisInfo.field(commands().info("server"), "redis_version");
    }

    /** Zeroes the command statistics ({@code CONFIG RESETSTAT}). */
    public void resetStats() {
        commands().configResetstat();
    }

    /** The counters now: commands by name, CPU time, network bytes. */
    public RedisInfo info() {
        return RedisInfo.parse(commands().info("commandstats") + commands().info("cpu") + commands().info("stats"));
    }

    /** The bytes the server's allocator holds for its data ({@code used_memory} of {@code INFO memory}). */
    public long usedMemory() {
        return Long.parseLong(RedisInfo.field(commands().info("memory"), "used_memory"));
    }

    /** Deletes every key, so one contender starts from an empty Redis. */
    public void flush() {
        commands().flushall();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
