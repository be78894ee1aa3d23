package io.jray.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.jray.runtime.task.ObjectId;

/**
 * Pulls an object file from another node's {@link ObjectServer} into this node's store as a
 * secondary copy, streaming it in chunks into the file (no copy of the whole object in memory).
 */
final class ObjectPuller {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectStore store;
    private final String authorization;

    ObjectPuller(ObjectStore store, String token) {
        this.store = store;
        this.authorization = "Bearer " + token;
    }

    /**
     * Pulls an object from the node at {@code endpoint} (such as {@code http://10.0.0.2:4711}).
     *
     * @throws IOException when the node cannot be reached, refuses, or does not hold the object
     */
    void pull(String endpoint, ObjectId id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + ObjectServer.PATH + id.job() + "/" + id.id()))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(endpoint + " answered " + response.statusCode() + " for object " + id + ": "
                        + new String(body.readNBytes(1000), StandardCharsets.UTF_8));
            }
            long size = response.headers().firstValueAsLong("Content-Length")
                    .orElseThrow(() -> new IOException(endpoint + " sent object " + id + " without its length"));
            store.write(id, size, false, (channel, expected) -> {
                byte[] chunk = new byte[(int) Math.min(ObjectServer.CHUNK, Math.max(1, expected))];
                long written = 0;
                while (written < expected) {
                    int read = body.read(chunk, 0, (int) Math.min(chunk.length, expected - written));
                    if (read < 0) {
                        throw new IOException("the transfer of object " + id + " from " + endpoint + " ended after "
                                + written + " of " + expected + " bytes");
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                    while (buffer.hasRemaining()) {
                        written += channel.write(buffer, written);
                    }
                }
            });
        }
    }
}
