package io.jray.worker.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.awaitility.Awaitility.await;

/**
 * A replica of a test's {@code redis-server} and a Sentinel watching it (quorum 1, a master is down
 * after 1 s), each a {@code redis-server} child process on loopback, so that killing the master
 * makes Sentinel promote the replica as a real deployment would.
 */
final class SentinelPair implements AutoCloseable {

    static final String MASTER_NAME = "jray-chaos";

    private final List<Process> processes = new ArrayList<>();
    private final int replicaPort;
    private final int sentinelPort;

    private SentinelPair(int replicaPort, int sentinelPort) {
        this.replicaPort = replicaPort;
        this.sentinelPort = sentinelPort;
    }

    /** Starts a replica of the master on {@code masterPort} and a Sentinel; waits until both see it. */
    static SentinelPair start(int masterPort, Path dir) throws IOException {
        Files.createDirectories(dir);
        SentinelPair pair = new SentinelPair(freePort(), freePort());
        try {
            pair.spawn(dir.resolve("replica.log"), "redis-server", "--port", Integer.toString(pair.replicaPort), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--replicaof", "127.0.0.1",
                    Integer.toString(masterPort), "--dir", dir.toString());
            Path config = dir.resolve("sentinel.conf");
            Files.writeString(config, String.join("\n", "port " + pair.sentinelPort, "bind 127.0.0.1",
                    "dir " + dir, "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 5000", "sentinel parallel-syncs " + MASTER_NAME + " 1",
                    ""));
            pair.spawn(dir.resolve("sentinel.log"), "redis-server", config.toString(), "--sentinel");
            await("the replica in sync").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> pair.info(pair.replicaPort, "replication").contains("master_link_status:up"));
            await("Sentinel watching the master").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> pair.info(pair.sentinelPort, "sentinel").contains("status=ok"));
            return pair;
        }
        catch (RuntimeException | IOException e) {
            pair.close();
            throw e;
        }
    }

    /** Spring properties that point an application at the master through Sentinel. */
    List<String> springProperties() {
        return List.of("spring.data.redis.sentinel.master=" + MASTER_NAME,
                "spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinelPort);
    }

    /** Whether the replica has been promoted to master. */
    boolean replicaPromoted() {
        return info(replicaPort, "replication").contains("role:master");
    }

    int replicaPort() {
        return replicaPort;
    }

    private String info(int port, String section) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setTimeout(Duration.ofSeconds(2));
            return connection.sync().info(section);
        }
        catch (RuntimeException e) {
            return "";
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private void spawn(Path log, String... command) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
