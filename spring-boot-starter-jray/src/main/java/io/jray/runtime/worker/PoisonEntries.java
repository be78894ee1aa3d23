package io.jray.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.XAddArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.redis.RedisLink;

/**
 * Sets aside queue entries that cannot be run (fields missing, an attempt that is no number): each
 * is logged once at WARN with its key, copied to the namespace's capped {@code <ns>:poison} stream
 * for an operator to look at, and acknowledged and deleted, so the reader moves on and the entry
 * does not stay pending for ever.
 */
final class PoisonEntries {

    private static final Log log = LogFactory.getLog(PoisonEntries.class);
    private static final long KEEP = 1000;

    private final RedisLink redis;
    private final String poisonStream;

    PoisonEntries(RedisLink redis, String namespace) {
        this.redis = redis;
        this.poisonStream = namespace + ":poison";
    }

    void setAside(String stream, String entryId, Map<String, byte[]> fields, String why) {
        log.warn("Setting aside the malformed entry " + entryId + " of " + stream + " (" + why + "; fields "
                + fields.keySet() + ") in " + poisonStream);
        Map<String, byte[]> copy = new LinkedHashMap<>(fields);
        copy.put("_stream", stream.getBytes(StandardCharsets.UTF_8));
        copy.put("_id", entryId.getBytes(StandardCharsets.UTF_8));
        copy.put("_why", why.getBytes(StandardCharsets.UTF_8));
        redis.async().xadd(poisonStream, XAddArgs.Builder.maxlen(KEEP).approximateTrimming(), copy);
        redis.async().xack(stream, GroupReader.GROUP, entryId);
        redis.async().xdel(stream, entryId);
    }

    /** The attempt number of an entry, or -1 when it is missing or no positive number. */
    static int attempt(byte[] attempt) {
        if (attempt == null) {
            return -1;
        }
        try {
            int a = Integer.parseInt(new String(attempt, StandardCharsets.UTF_8));
            return a > 0 ? a : -1;
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }
}
