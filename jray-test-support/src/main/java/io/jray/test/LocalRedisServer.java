package io.jray.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code redis-server} from PATH as a child process on loopback, keeping nothing on disk. */
final class LocalRedisServer {

    private final int port;
    private final Path log;
    private Process process;

    private LocalRedisServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static LocalRedisServer start(int port) throws IOException {
        int chosen = port != 0 ? port : freePort();
        LocalRedisServer server = new LocalRedisServer(chosen, Files.createTempFile("jray-test-redis-", ".log"));
        server.restart();
        return server;
    }

    int port() {
        return port;
    }

    synchronized void restart() throws IOException {
        String binary = locate();
        for (int attempt = 0; attempt < 50; attempt++) {
            process = new ProcessBuilder(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no"))
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

    private boolean awaitPong() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if ("+PONG".equals(reply)) {
                    return true;
                }
            }
            catch (IOException e) {
                // why: not listening yet
            }
            sleep(20);
        }
        return false;
    }

    private static String locate() throws IOException {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IOException("redis-server is not on PATH");
    }

    private static int freePort() throws IOException {
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
