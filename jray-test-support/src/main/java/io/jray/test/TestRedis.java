package io.jray.test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for integration tests, never a mock: the one at {@code JRAY_TEST_REDIS_URL} when set
 * (tests then keep to a namespace of their own), else a container when a Docker engine answers,
 * else a {@code redis-server} from PATH started on a free port.
 */
public final class TestRedis implements AutoCloseable {

    private final String host;
    private final int port;
    private final LocalRedisServer local;
    private final GenericContainer<?> container;
    private final String kind;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private TestRedis(String host, int port, LocalRedisServer local, GenericContainer<?> container, String kind) {
        this.host = host;
        this.port = port;
        this.local = local;
        this.container = container;
        this.kind = kind;
    }

    /** Starts (or finds) a Redis as described above. */
    public static TestRedis start() {
        String url = System.getenv("JRAY_TEST_REDIS_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url);
            return new TestRedis(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, null, null, "external " + url);
        }
        if (dockerAnswers()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            return new TestRedis(container.getHost(), container.getMappedPort(6379), null, container, "container");
        }
        try {
            LocalRedisServer server = LocalRedisServer.start(0);
            return new TestRedis("127.0.0.1", server.port(), server, null, "redis-server from PATH");
        }
        catch (IOException e) {
            throw new IllegalStateException("no Redis for tests: set JRAY_TEST_REDIS_URL, run a Docker engine, or "
                    + "install redis-server (apt-get install -y redis-server)", e);
        }
    }

    /**
     * Always a {@code redis-server} from PATH on a free port, never an external server or a
     * container: for tests that kill, pause and restart it.
     */
    public static TestRedis startLocal() {
        return startLocal(null);
    }

    /**
     * A {@code redis-server} from PATH on a free port that persists to an append-only file in
     * {@code dataDir} ({@code --appendonly yes --appendfsync always --dir dataDir}), so that
     * {@link #restart()} after {@link #kill()} finds every acknowledged write again; with
     * {@code dataDir} null it keeps nothing on disk.
     */
    public static TestRedis startLocal(Path dataDir) {
        try {
            LocalRedisServer server = LocalRedisServer.start(0, dataDir);
            return new TestRedis("127.0.0.1", server.port(), server, null,
                    "redis-server from PATH" + (dataDir == null ? "" : " with an append-only file in " + dataDir));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server from PATH (apt-get install -y redis-server)", e);
        }
    }

    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** How this Redis was found, for logs. */
    public String kind() {
        return kind;
    }

    /** A namespace no other test uses. */
    public static String uniqueNamespace() {
        return "jt" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Spring properties that point an application at this Redis. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", host);
        properties.put("spring.data.redis.port", Integer.toString(port));
        return properties;
    }

    /** The same as {@code --name=value} arguments. */
    public String[] springArguments() {
        return springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** A synchronous client connection, for assertions. */
    public synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClient.create("redis://" + host + ":" + port);
            connection = client.connect();
        }
        return connection.sync();
    }

    /** The server's {@code used_memory} from {@code INFO memory}, in bytes. */
    public long usedMemory() {
        for (String line : commands().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory of the Redis at " + host + ":" + port + " has no used_memory");
    }

    /** Stops the server (only for a server this class started), keeping its port for {@link #restart()}. */
    public void stopServer() {
        requireLocal().stop();
    }

    /**
     * Starts the server again on the same port: empty, or, when it persists to a data directory,
     * with what its append-only file there holds.
     */
    public void restart() throws IOException {
        requireLocal().restart();
    }

    /** Kills the server with SIGKILL (only a server this class started), as a crash would. */
    public void kill() {
        requireLocal().kill();
    }

    /** Freezes the server with SIGSTOP: its connections stay open, nothing is answered. */
    public void pause() {
        requireLocal().pause();
    }

    /** Wakes the server after {@link #pause()} with SIGCONT. */
    public void resume() {
        requireLocal().resume();
    }

    public boolean isPaused() {
        return local != null && local.isPaused();
    }

    /** The pid of the redis-server process this class started, or -1 when none runs. */
    public long pid() {
        return requireLocal().pid();
    }

    /** The directory of the append-only file, or {@code null} when the server keeps nothing on disk. */
    public Path dataDir() {
        return requireLocal().dataDir();
    }

    /** The server's log file. */
    public Path serverLog() {
        return requireLocal().log();
    }

    private LocalRedisServer requireLocal() {
        if (local == null) {
            throw new IllegalStateException("only a redis-server started by the test can be stopped, not " + kind);
        }
        return local;
    }

    @Override
    public synchronized void close() {
        if (local != null && local.isPaused()) {
            // why: a frozen server would neither answer the client's goodbye nor handle SIGTERM
            local.resume();
        }
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
        if (local != null) {
            local.stop();
        }
        if (container != null) {
            container.stop();
        }
    }
}
