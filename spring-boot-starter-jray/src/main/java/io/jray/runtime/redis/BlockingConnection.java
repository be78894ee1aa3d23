package io.jray.runtime.redis;

import io.lettuce.core.UnblockType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A connection that blocks in stream reads and can be {@linkplain #wake() woken} from another
 * connection with {@code CLIENT UNBLOCK}, so a reader can change the streams it reads at once
 * instead of polling.
 */
public final class BlockingConnection implements AutoCloseable {

    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisLink link;
    private volatile long clientId = -1;

    BlockingConnection(StatefulRedisConnection<String, byte[]> connection, RedisLink link) {
        this.connection = connection;
        this.link = link;
    }

    /** The commands of this connection; learns its client id first if needed. */
    public RedisCommands<String, byte[]> commands() {
        RedisCommands<String, byte[]> sync = connection.sync();
        if (clientId < 0) {
            clientId = sync.clientId();
        }
        return sync;
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
