package io.jray.test;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} from PATH as a child process on loopback. By default it keeps nothing on
 * disk; with a data directory it writes an append-only file there ({@code appendfsync always}), so
 * a restart on the same port and directory finds every acknowledged write again.
 */
final class LocalRedisServer {

    private final int port;
    private final Path log;
    private final Path dataDir;
    private final List<String> options;
    private Process process;
    private boolean paused;

    private LocalRedisServer(int port, Path log, Path dataDir, List<String> options) {
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
        this.options = List.copyOf(options);
    }

    static LocalRedisServer start(int port) throws IOException {
        return start(port, null);
    }

    /** Starts a server; with {@code dataDir} not null it persists to an append-only file in that directory. */
    static LocalRedisServer start(int port, Path dataDir) throws IOException {
        return start(port, dataDir, List.of());
    }

    /** Starts a server with more {@code redis-server} options, such as {@code --cluster-enabled yes}. */
    static LocalRedisServer start(int port, Path dataDir, List<String> options) throws IOException {
        int chosen = port != 0 ? port : freePort();
        Path dir = dataDir == null ? null : dataDir.toAbsolutePath();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        LocalRedisServer server = new LocalRedisServer(chosen, Files.createTempFile("jray-test-redis-", ".log"), dir,
                options);
        server.restart();
        return server;
    }

    int port() {
        return port;
    }

    /** The directory of the append-only file, or {@code null} when the server keeps nothing on disk. */
    Path dataDir() {
        return dataDir;
    }

    Path log() {
        return log;
    }

    /** The pid of the running server process, or -1. */
    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the server (again) on the same port: empty without a data directory, else loading the
     * append-only file of that directory.
     */
    synchronized void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " still runs (pid " + process.pid() + ")");
        }
        String binary = locate("redis-server");
        List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--daemonize", "no"));
        if (dataDir == null) {
            command.addAll(List.of("--appendonly", "no"));
        }
        else {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always", "--dir", dataDir.toString()));
        }
        command.addAll(options);
        paused = false;
        for (int attempt = 0; attempt < 50; attempt++) {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (awaitPong()) {
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
                return;
            }
            process.destroyForcibly();
            sleep(100);
        }
        throw new IOException("redis-server did not start on port " + port + "; see " + log);
    }

    synchronized void stop() {
        if (process != null) {
            resumeIfPaused();
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Kills the server at once with SIGKILL, as a crash would: it writes nothing more. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-server " + process.pid() + " survived SIGKILL for 10 s");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            paused = false;
            process = null;
        }
    }

    /** Freezes the server with SIGSTOP: connections stay open but nothing is answered. */
    synchronized void pause() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        Signals.stop(process.pid());
        paused = true;
    }

    /** Wakes a paused server with SIGCONT. */
    synchronized void resume() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        Signals.resume(process.pid());
        paused = false;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    private void resumeIfPaused() {
        if (paused && process.isAlive()) {
            Signals.resume(process.pid());
        }
        paused = false;
    }

    private boolean awaitPong() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(dataDir == null ? 5 : 30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if ("PONG".equals(call("PING"))) {
                    return true;
                }
            }
            catch (IOException e) {
                // why: not listening yet (or still loading its append-only file: it answers -LOADING)
            }
            sleep(20);
        }
        return false;
    }

    /** The path of an executable on PATH, such as {@code redis-server}. */
    static String locate(String binary) throws IOException {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir, binary);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IOException(binary + " is not on PATH");
    }

    /**
     * Sends one command and returns its reply as text: a simple string, an error (with its leading
     * {@code -}), an integer or a bulk string; for small replies such as {@code CLUSTER INFO}.
     */
    String call(String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String first = readLine(in);
            if (!first.startsWith("$")) {
                return first.startsWith("-") ? first : first.substring(1);
            }
            int length = Integer.parseInt(first.substring(1));
            if (length < 0) {
                return null;
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
