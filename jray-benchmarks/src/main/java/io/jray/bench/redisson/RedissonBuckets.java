package io.jray.bench.redisson;

import java.util.HashMap;
import java.util.Map;

import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

import io.jray.bench.ObjectPeer;
import io.jray.bench.RedisServer;

/**
 * Redis as the object transport, through Redisson: an {@code RBucket<byte[]>} with
 * {@link ByteArrayCodec} (the bytes as they are) per size, set and read back from this JVM.
 */
public final class RedissonBuckets implements ObjectPeer {

    /** Long enough for a 100 MiB value on a busy machine (Redisson's default is 3 s). */
    private static final int TIMEOUT_MILLIS = 60_000;

    private final RedissonClient redisson;
    private final Map<Integer, byte[]> values = new HashMap<>();

    private RedissonBuckets(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public static RedissonBuckets connect(RedisServer redis) {
        Config config = new Config();
        config.setCodec(ByteArrayCodec.INSTANCE);
        config.useSingleServer().setAddress("redis://" + redis.host() + ":" + redis.port()).setTimeout(TIMEOUT_MILLIS);
        return new RedissonBuckets(Redisson.create(config));
    }

    @Override
    public String name() {
        return "Redis (Redisson)";
    }

    @Override
    public String setup() {
        return "Redisson " + Redisson.class.getPackage().getImplementationVersion() + " in the driver JVM, an "
                + "`RBucket<byte[]>` with `ByteArrayCodec` per size on the same Redis; each value "
                + "is set, then read back by the same JVM; response timeout 60 s, defaults otherwise";
    }

    @Override
    public long setNanos(int bytes) {
        byte[] value = values.computeIfAbsent(bytes, n -> new byte[n]);
        value[0]++;
        value[bytes - 1] = value[0];
        RBucket<byte[]> bucket = bucket(bytes);
        long start = System.nanoTime();
        bucket.set(value);
        return System.nanoTime() - start;
    }

    @Override
    public long getNanos(int bytes) {
        RBucket<byte[]> bucket = bucket(bytes);
        long start = System.nanoTime();
        byte[] value = bucket.get();
        long nanos = System.nanoTime() - start;
        byte[] last = values.get(bytes);
        if (value == null || value.length != bytes || value[0] != last[0] || value[bytes - 1] != last[0]) {
            throw new IllegalStateException("bucket " + bucket.getName() + " does not hold the value last set");
        }
        return nanos;
    }

    private RBucket<byte[]> bucket(int bytes) {
        return redisson.getBucket("bench:bucket:" + bytes);
    }

    @Override
    public void close() {
        redisson.getKeys().deleteByPattern("bench:bucket:*");
        redisson.shutdown();
    }
}
