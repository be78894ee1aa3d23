package io.jray.runtime.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.task.ObjectId;

/**
 * Serves this node's objects to nodes on other hosts: {@code GET /jray/objects/<job>/<object>}
 * with {@code Authorization: Bearer <cluster token>} answers the object file, streamed in 1 MiB
 * chunks straight from the file; a request without the token gets 401, an unknown object 404.
 * It listens on loopback unless configured otherwise.
 */
public final class ObjectServer implements AutoCloseable {

    static final String PATH = "/jray/objects/";
    static final int CHUNK = 1 << 20;

    private static final Log log = LogFactory.getLog(ObjectServer.class);

    private final ObjectStore store;
    private final byte[] expectedAuthorization;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public ObjectServer(ObjectStore store, String bindAddress, int port, String token) throws IOException {
        this.store = store;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        server.setExecutor(threads);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                refuse(exchange, 401, "missing or wrong cluster token (jray.object.token)");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "only GET is supported");
                return;
            }
            ObjectId id;
            try {
                id = ObjectId.parse(exchange.getRequestURI().getPath().substring(PATH.length()));
                ObjectStore.fileName(id);
            }
            catch (IllegalArgumentException e) {
                refuse(exchange, 400, e.getMessage());
                return;
            }
            try (FileChannel file = store.open(id)) {
                if (file == null) {
                    refuse(exchange, 404, "this node holds no copy of object " + id);
                    return;
                }
                send(exchange, file);
            }
        }
        catch (IOException e) {
            log.debug("Serving " + exchange.getRequestURI() + " failed: " + e);
        }
    }

    private static void send(HttpExchange exchange, FileChannel file) throws IOException {
        long size = file.size();
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, size);
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, size))];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        OutputStream out = exchange.getResponseBody();
        long sent = 0;
        while (sent < size) {
            buffer.clear();
            int read = file.read(buffer, sent);
            if (read < 0) {
                throw new IOException("the file ended after " + sent + " of " + size + " bytes");
            }
            out.write(chunk, 0, read);
            sent += read;
        }
    }

    private static void refuse(HttpExchange exchange, int status, String reason) throws IOException {
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
