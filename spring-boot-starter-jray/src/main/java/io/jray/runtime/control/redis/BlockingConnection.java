package io.jray.runtime.control.redis;

import io.lettuce.core.UnblockType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * A connection that blocks in stream reads and can be {@linkplain #wake() woken} from another
 * connection with {@code CLIENT UNBLOCK}, so a reader can change the streams it reads at once
 * instead of polling. Reads are asynchronous: their answers are handled on Lettuce's I/O thread,
 * without a thread of their own to wake.
 */
public final class BlockingConnection implements AutoCloseable {

    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisLink link;
    private volatile long clientId = -1;

    BlockingConnection(StatefulRedisConnection<String, byte[]> connection, RedisLink link) {
        this.connection = connection;
        this.link = link;
    }

    /**
     * The commands of this connection, for one blocking read. When its client id is unknown (at
     * first, or after an error) a {@code CLIENT ID} goes ahead of the read in the same pipeline.
     */
    public RedisAsyncCommands<String, byte[]> forRead() {
        RedisAsyncCommands<String, byte[]> async = connection.async();
        if (clientId < 0) {
            async.clientId().thenAccept(id -> clientId = id);
        }
        return async;
    }

    /** After an error the connection may have been re-established under another client id. */
    public void markStale() {
        clientId = -1;
    }

    /** Ends the current blocking read, if any, as if it had timed out. */
    public void wake() {
        long id = clientId;
        if (id >= 0) {
            link.async().clientUnblock(id, UnblockType.TIMEOUT).exceptionally(e -> 0L);
        }
    }

    @Override
    public void close() {
        link.forget(connection);
        if (connection.isOpen()) {
            connection.close();
        }
    }
}
