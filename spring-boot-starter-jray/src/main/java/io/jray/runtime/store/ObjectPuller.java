package io.jray.runtime.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.jray.runtime.core.ObjectId;

/**
 * Pulls an object file from another node's {@link ObjectServer} into this node's store as a
 * secondary copy: one HTTP/1.1 {@code GET} on a connection of its own, the body read in 4 MiB
 * chunks into a pooled direct buffer and written to the file (no copy in the heap). A transfer
 * that makes no progress for {@value #STALL_SECONDS} seconds is abandoned.
 */
final class ObjectPuller {

    private static final int BUFFER = 4 << 20;
    private static final int POOLED_BUFFERS = 4;
    private static final int MAX_HEAD = 16 * 1024;
    private static final long STALL_SECONDS = 30;
    private static final Executor WATCHDOG = CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS);

    private final ObjectStore store;
    private final String authorization;
    /** Direct buffers kept for the next pulls: allocating one zeroes it, which costs a small pull dearly. */
    private final Queue<ByteBuffer> buffers = new ConcurrentLinkedQueue<>();

    ObjectPuller(ObjectStore store, String token) {
        this.store = store;
        this.authorization = "Bearer " + token;
    }

    /**
     * Pulls an object from the node at {@code endpoint} (such as {@code http://10.0.0.2:4711}).
     *
     * @throws IOException when the node cannot be reached, refuses, or does not hold the object
     */
    void pull(String endpoint, ObjectId id, Consumer<ByteBuffer> tap) throws IOException {
        URI uri = URI.create(endpoint);
        try (SocketChannel channel = SocketChannel.open()) {
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            AtomicLong progress = new AtomicLong();
            watch(channel, progress, -1, System.nanoTime());
            String request = "GET " + ObjectServer.PATH + id.job() + "/" + id.id() + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + ":" + uri.getPort() + "\r\nAuthorization: " + authorization
                    + "\r\nConnection: close\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer buffer = buffers.poll();
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(BUFFER);
            }
            try {
                pull(channel, buffer, progress, endpoint, id, tap);
            }
            finally {
                buffer.clear();
                if (buffers.size() < POOLED_BUFFERS) {
                    buffers.add(buffer);
                }
            }
        }
    }

    /** Reads the answer into this node's store through {@code buffer}, showing each chunk to {@code tap}. */
    private void pull(SocketChannel channel, ByteBuffer buffer, AtomicLong progress, String endpoint, ObjectId id,
            Consumer<ByteBuffer> tap) throws IOException {
        Head head = readHead(channel, buffer, endpoint, id);
        if (head.status() != 200) {
            throw new IOException(endpoint + " answered " + head.status() + " for object " + id + ": "
                    + body(channel, buffer, Math.min(head.length(), 1000)));
        }
        store.write(id, head.length(), false, (file, expected) -> {
            long written = 0;
            while (written < expected) {
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    if (channel.read(buffer) < 0) {
                        throw new IOException("the transfer of object " + id + " from " + endpoint
                                + " ended after " + written + " of " + expected + " bytes");
                    }
                    buffer.flip();
                    progress.incrementAndGet();
                }
                if (buffer.remaining() > expected - written) {
                    buffer.limit(buffer.position() + (int) (expected - written));
                }
                tap.accept(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    written += file.write(buffer, written);
                }
            }
        });
    }

    private record Head(int status, long length) {
    }

    /** Reads the status line and headers; leaves {@code buffer} holding the body bytes read with them. */
    private static Head readHead(SocketChannel channel, ByteBuffer buffer, String endpoint, ObjectId id)
            throws IOException {
        int end = -1;
        while (end < 0) {
            if (buffer.position() >= MAX_HEAD || channel.read(buffer) < 0) {
                throw new IOException(endpoint + " sent no valid answer for object " + id);
            }
            for (int i = 3; i < buffer.position() && end < 0; i++) {
                if (buffer.get(i - 3) == '\r' && buffer.get(i - 2) == '\n' && buffer.get(i - 1) == '\r'
                        && buffer.get(i) == '\n') {
                    end = i + 1;
                }
            }
        }
        byte[] head = new byte[end];
        buffer.flip();
        buffer.get(head);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        long length = -1;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || length < 0) {
            throw new IOException(endpoint + " sent object " + id + " without a status or length: " + lines[0]);
        }
        return new Head(Integer.parseInt(status[1]), length);
    }

    private static String body(SocketChannel channel, ByteBuffer buffer, long max) throws IOException {
        while (buffer.remaining() < max) {
            buffer.compact();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                break;
            }
        }
        byte[] text = new byte[(int) Math.min(max, buffer.remaining())];
        buffer.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Closes the channel once the transfer made no progress for {@value #STALL_SECONDS} seconds. */
    private static void watch(SocketChannel channel, AtomicLong progress, long seen, long since) {
        WATCHDOG.execute(() -> {
            if (!channel.isOpen()) {
                return;
            }
            long now = progress.get();
            if (now != seen) {
                watch(channel, progress, now, System.nanoTime());
            }
            else if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                try {
                    channel.close();
                }
                catch (IOException e) {
                    // why: closing is what ends the stalled transfer; nothing more to do
                }
            }
            else {
                watch(channel, progress, seen, since);
            }
        });
    }
}
