package io.jray.runtime.control.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Streams a reader passes over because their key holds another type (garbage written into Redis):
 * one such key fails a whole {@code XREAD}/{@code XREADGROUP} with {@code WRONGTYPE}, so it is left
 * out, with a WARN, and looked at again after {@value #RECHECK_MILLIS} ms; the other streams keep
 * flowing.
 */
public final class WrongTypeStreams {

    private static final Log log = LogFactory.getLog(WrongTypeStreams.class);
    private static final long RECHECK_MILLIS = 10_000;

    private final RedisLink redis;
    /** Each stream passed over, with since when. */
    private final Map<String, Long> passedOver = new ConcurrentHashMap<>();

    public WrongTypeStreams(RedisLink redis) {
        this.redis = redis;
    }

    /** Whether a failed read failed because a key it read is not a stream. */
    public static boolean isCause(Throwable error) {
        return String.valueOf(error.getMessage()).contains("WRONGTYPE");
    }

    /** Whether {@code stream} is passed over now. */
    public boolean isPassedOver(String stream) {
        Long since = passedOver.get(stream);
        if (since != null && System.currentTimeMillis() - since >= RECHECK_MILLIS) {
            passedOver.remove(stream, since);
            return false;
        }
        return since != null;
    }

    /** The streams less those passed over now. */
    public List<String> readable(List<String> streams) {
        return passedOver.isEmpty() ? streams : streams.stream().filter(stream -> !isPassedOver(stream)).toList();
    }

    /**
     * Looks up the type of each key of a failed read and passes over those that hold something other
     * than a stream; returns them. Blocks: call it off the I/O thread.
     */
    public List<String> check(Collection<String> streams) {
        List<String> found = new ArrayList<>();
        for (String stream : streams) {
            try {
                String type = redis.text().type(stream).get(10, TimeUnit.SECONDS);
                if (!type.equals("stream") && !type.equals("none")) {
                    found.add(stream);
                    if (passedOver.put(stream, System.currentTimeMillis()) == null) {
                        log.warn("Not reading " + stream + " for now: it is a " + type + ", not a stream");
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception e) {
                log.debug("could not check the type of " + stream, e);
            }
        }
        return found;
    }
}
