package io.jray.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.core.ObjectId;

/**
 * Serves this node's objects to nodes on other hosts over HTTP/1.1: {@code GET
 * /jray/objects/<job>/<object>} with {@code Authorization: Bearer <cluster token>} answers the
 * object file with its {@code Content-Length}, sent by the kernel straight from the file
 * ({@link FileChannel#transferTo}, no copy through the heap); a request without the token gets
 * 401, an unknown object 404, another method 405, a malformed request 400. One request per
 * connection, each on a virtual thread; a request head must arrive within 10 seconds and fit in
 * 16 KiB. It listens on loopback unless configured otherwise.
 */
final class ObjectServer implements AutoCloseable {

    static final String PATH = "/jray/objects/";

    private static final Log log = LogFactory.getLog(ObjectServer.class);
    private static final int MAX_HEAD = 16 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 10_000;

    private final ObjectStore store;
    private final byte[] expectedAuthorization;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    public ObjectServer(ObjectStore store, String bindAddress, int port, String token) throws IOException {
        this.store = store;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(bindAddress, port), 64);
        this.acceptor = Thread.ofPlatform().daemon().name("jray-object-server").start(this::accept);
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread.ofVirtual().name("jray-object-transfer").start(() -> serve(connection));
            }
            catch (ClosedChannelException e) {
                return;
            }
            catch (IOException e) {
                log.debug("Accepting an object request failed: " + e);
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.socket().setSoTimeout(HEAD_TIMEOUT_MILLIS);
            String[] request = readHead(connection.socket().getInputStream());
            if (request == null) {
                respond(connection, 400, "malformed request");
                return;
            }
            if (request[2] == null || !MessageDigest.isEqual(expectedAuthorization,
                    request[2].getBytes(StandardCharsets.UTF_8))) {
                respond(connection, 401, "missing or wrong cluster token (jray.object.token)");
                return;
            }
            if (!request[0].equals("GET")) {
                respond(connection, 405, "only GET is supported");
                return;
            }
            ObjectId id;
            try {
                if (!request[1].startsWith(PATH)) {
                    throw new IllegalArgumentException("no object path: " + request[1]);
                }
                id = ObjectId.parse(request[1].substring(PATH.length()));
                ObjectFiles.fileName(id);
            }
            catch (IllegalArgumentException e) {
                respond(connection, 400, e.getMessage());
                return;
            }
            try (FileChannel file = store.open(id)) {
                if (file == null) {
                    respond(connection, 404, "this node holds no copy of object " + id);
                    return;
                }
                send(connection, file);
            }
        }
        catch (IOException e) {
            log.debug("Serving an object request failed: " + e);
        }
    }

    /** The method, path and Authorization header of a request, or {@code null} when malformed. */
    private static String[] readHead(InputStream in) throws IOException {
        byte[] head = new byte[MAX_HEAD];
        int length = 0;
        int end = -1;
        while (end < 0) {
            int read = length == MAX_HEAD ? -1 : in.read(head, length, MAX_HEAD - length);
            if (read < 0) {
                return null;
            }
            for (int i = Math.max(3, length); i < length + read && end < 0; i++) {
                if (head[i - 3] == '\r' && head[i - 2] == '\n' && head[i - 1] == '\r' && head[i] == '\n') {
                    end = i + 1;
                }
            }
            length += read;
        }
        String[] lines = new String(head, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            return null;
        }
        String authorization = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("authorization")) {
                authorization = line.substring(colon + 1).trim();
            }
        }
        return new String[] {requestLine[0], requestLine[1], authorization};
    }

    private static void send(SocketChannel connection, FileChannel file) throws IOException {
        long size = file.size();
        write(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size
                + "\r\nConnection: close\r\n\r\n");
        long sent = 0;
        while (sent < size) {
            long n = file.transferTo(sent, size - sent, connection);
            if (n <= 0 && file.size() < size) {
                throw new IOException("the file shrank while it was sent, after " + sent + " of " + size + " bytes");
            }
            sent += n;
        }
    }

    private static void respond(SocketChannel connection, int status, String reason) throws IOException {
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        String phrase = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            default -> "Method Not Allowed";
        };
        write(connection, "HTTP/1.1 " + status + " " + phrase + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + reason);
    }

    private static void write(SocketChannel connection, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            connection.write(out);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
        }
        catch (IOException e) {
            log.debug("Closing the object server failed: " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
