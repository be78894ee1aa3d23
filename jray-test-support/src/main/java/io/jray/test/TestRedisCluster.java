package io.jray.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of {@code redis-server} child processes on loopback, made with
 * {@code redis-cli --cluster create}: by default 3 masters with a replica each, which takes about
 * a second. Close it to stop every server.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final Duration FORMED = Duration.ofSeconds(30);

    private final List<LocalRedisServer> servers;
    private final Path dir;

    private TestRedisCluster(List<LocalRedisServer> servers, Path dir) {
        this.servers = servers;
        this.dir = dir;
    }

    /** Three masters, each with one replica. */
    public static TestRedisCluster start() {
        return start(3, 1);
    }

    /** {@code masters} masters, each with {@code replicas} replicas, every slot assigned and the cluster state ok. */
    public static TestRedisCluster start(int masters, int replicas) {
        if (masters < 3) {
            throw new IllegalArgumentException("redis-cli --cluster create needs at least 3 masters, was " + masters);
        }
        List<LocalRedisServer> servers = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory("jray-test-cluster-");
            for (int i = 0; i < masters * (1 + replicas); i++) {
                int port = LocalRedisServer.freePort();
                // why: the bus port defaults to port + 10000, which may be taken or past 65535
                servers.add(LocalRedisServer.start(port, null, List.of("--cluster-enabled", "yes", "--cluster-port",
                        Integer.toString(LocalRedisServer.freePort()), "--dir", dir.toString(), "--cluster-config-file",
                        "nodes-" + port + ".conf", "--cluster-node-timeout", "2000",
                        // why: a replica fails over however long its link was down (a test kills masters at once)
                        "--cluster-replica-validity-factor", "0")));
            }
            TestRedisCluster cluster = new TestRedisCluster(List.copyOf(servers), dir);
            cluster.create(replicas);
            cluster.awaitFormed();
            return cluster;
        }
        catch (IOException | RuntimeException e) {
            servers.forEach(LocalRedisServer::stop);
            throw new IllegalStateException("could not start a Redis Cluster of " + masters + " masters: " + e.getMessage(),
                    e);
        }
    }

    /** The nodes as {@code spring.data.redis.cluster.nodes} takes them: {@code 127.0.0.1:7000,127.0.0.1:7001,...}. */
    public String nodes() {
        return String.join(",", servers.stream().map(s -> "127.0.0.1:" + s.port()).toList());
    }

    /** The ports of every server, masters and replicas. */
    public List<Integer> ports() {
        return servers.stream().map(LocalRedisServer::port).toList();
    }

    /** The ports of the servers that are masters now, as the cluster itself says. */
    public List<Integer> masterPorts() {
        List<Integer> masters = new ArrayList<>();
        for (String line : clusterNodes(first()).split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].contains("master") && !f[2].contains("fail")) {
                masters.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))));
            }
        }
        return masters;
    }

    /** Kills the server on {@code port} with SIGKILL, as a crash would. */
    public void kill(int port) {
        server(port).kill();
    }

    /** The pid of the server on {@code port}, or -1 when it does not run. */
    public long pid(int port) {
        return server(port).pid();
    }

    /** Stops every server and deletes their cluster files. */
    @Override
    public void close() {
        servers.forEach(LocalRedisServer::stop);
        File[] files = dir.toFile().listFiles();
        for (File file : files == null ? new File[0] : files) {
            file.delete();
        }
        dir.toFile().delete();
    }

    private void create(int replicas) throws IOException {
        List<String> command = new ArrayList<>(List.of(LocalRedisServer.locate("redis-cli"), "--cluster", "create"));
        servers.forEach(s -> command.add("127.0.0.1:" + s.port()));
        command.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
        Path out = dir.resolve("create.log");
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!create.waitFor(FORMED.toSeconds(), TimeUnit.SECONDS)) {
                create.destroyForcibly();
                throw new IOException("redis-cli --cluster create did not return within " + FORMED);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the cluster", e);
        }
        if (create.exitValue() != 0) {
            throw new IOException("redis-cli --cluster create failed (" + create.exitValue() + "): "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
    }

    // why: create returns once the nodes joined; each one still has to see every slot covered, and
    // each replica to have synced with its master, before a test may kill one
    private void awaitFormed() throws IOException {
        long deadline = System.nanoTime() + FORMED.toNanos();
        for (LocalRedisServer server : servers) {
            while (!server.call("CLUSTER", "INFO").contains("cluster_state:ok") || !synced(server)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the node on port " + server.port() + " did not see the cluster ok and "
                            + "synced within " + FORMED + ": " + server.call("CLUSTER", "INFO")
                            + server.call("INFO", "replication"));
                }
                sleep();
            }
        }
    }

    private static boolean synced(LocalRedisServer server) throws IOException {
        String replication = server.call("INFO", "replication");
        return replication.contains("role:master") || replication.contains("master_link_status:up");
    }

    private LocalRedisServer first() {
        return servers.stream().filter(LocalRedisServer::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("no server of the cluster runs"));
    }

    private LocalRedisServer server(int port) {
        return servers.stream().filter(s -> s.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server of this cluster is on port " + port));
    }

    private static String clusterNodes(LocalRedisServer server) {
        try {
            return server.call("CLUSTER", "NODES");
        }
        catch (IOException e) {
            throw new IllegalStateException("CLUSTER NODES failed on port " + server.port() + ": " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
