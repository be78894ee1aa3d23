package io.jray.runtime.embedded;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A private {@code redis-server} child process on a free port, for a node started without any
 * Redis configured. The binary comes from {@code PATH}, or else from the embedded-redis artifact
 * on the classpath. It binds to loopback unless told otherwise, keeps nothing on disk, and is
 * stopped with the application context.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Log log = LogFactory.getLog(EmbeddedRedisServer.class);

    private final Process process;
    private final String host;
    private final int port;
    private final String executable;

    private EmbeddedRedisServer(Process process, String host, int port, String executable) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.executable = executable;
    }

    /**
     * Starts a server.
     *
     * @param executable the binary to run, or {@code null} to look it up
     * @param bind the address to listen on
     * @param port the port, or 0 for a free one
     */
    public static EmbeddedRedisServer start(String executable, String bind, int port, Duration startupTimeout)
            throws IOException {
        String binary = executable != null ? executable : locate();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int chosen = port != 0 ? port : freePort(bind);
            Path logFile = Files.createTempFile("jray-embedded-redis-", ".log");
            logFile.toFile().deleteOnExit();
            Process process = new ProcessBuilder(List.of(binary, "--port", Integer.toString(chosen), "--bind", bind,
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode",
                    isLoopback(bind) ? "yes" : "no"))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            if (awaitPong(process, bind, chosen, startupTimeout)) {
                log.info("Started an embedded redis-server (" + binary + ") on " + bind + ":" + chosen
                        + " because no Redis is configured. It lives as long as this application. Other nodes "
                        + "on this machine join with --spring.data.redis.host=" + bind + " --spring.data.redis.port="
                        + chosen + "; for a cluster across machines point every node at one shared Redis with "
                        + "spring.data.redis.*");
                return new EmbeddedRedisServer(process, bind, chosen, binary);
            }
            process.destroyForcibly();
            last = new IOException("redis-server did not answer on " + bind + ":" + chosen + " within "
                    + startupTimeout + "; its output: " + Files.readString(logFile));
            if (port != 0) {
                break;
            }
        }
        throw last;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String executable() {
        return executable;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server; does nothing when it has stopped already. */
    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopped the embedded redis-server on " + host + ":" + port);
    }

    /** {@code redis-server} from PATH, else the binary shipped in the embedded-redis artifact. */
    static String locate() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, "redis-server");
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        return bundledExecutable();
    }

    /** Extracts the redis-server binary shipped in the embedded-redis artifact (Redis 6.2). */
    public static String bundledExecutable() throws IOException {
        String resource = bundledBinaryName();
        try (InputStream in = EmbeddedRedisServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no redis-server on PATH and no bundled binary for this platform (" + resource
                        + "): install Redis, or configure spring.data.redis.* to use an existing one");
            }
            Path binary = Files.createTempFile("jray-redis-server-", "");
            binary.toFile().deleteOnExit();
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
            if (!binary.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + binary + " executable");
            }
            return binary.toString();
        }
    }

    private static String bundledBinaryName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("win")) {
            return "redis-server-5.0.14.1-windows-amd64.exe";
        }
        return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    }

    private static int freePort(String bind) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bind))) {
            return socket.getLocalPort();
        }
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        }
        catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitPong(Process process, String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
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
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
