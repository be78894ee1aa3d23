package io.jray.runtime.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.runtime.control.redis.RedisLink;

/**
 * Who is in the cluster: node registrations (their hashes, the node set, epochs, leave marks), the
 * functions each node offers, the lock a reaper takes on a dead node, and the cluster's shared
 * values. Blocking reads wait at most {@link #WAIT}.
 */
public final class Membership {

    /** How long a blocking read of membership waits for Redis. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisLink redis;
    private final Keys keys;

    Membership(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The next registration epoch of the namespace. */
    public long nextEpoch() throws Exception {
        return redis.text().incr(keys.epochs()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Writes a node's hash, expiring after {@code timeToLive}, and adds it to the node set; returns
     * whether a dashboard listens to task events.
     */
    public boolean register(String node, Map<String, String> fields, Duration timeToLive) throws Exception {
        RedisAsyncCommands<String, String> text = redis.text();
        // why: one pipelined round; the connection keeps their order, so the hash exists before it expires
        RedisFuture<Long> written = text.hset(keys.node(node), fields);
        RedisFuture<Boolean> expiring = text.pexpire(keys.node(node), timeToLive.toMillis());
        RedisFuture<Long> listed = text.sadd(keys.nodes(), node);
        RedisFuture<Long> listened = text.exists(keys.eventsListened());
        written.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        expiring.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        listed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return listened.get(WAIT.toSeconds(), TimeUnit.SECONDS) == 1;
    }

    /** Adds a node to the node set again (a reaper racing with its registration may have removed it). */
    public void keepListed(String node) {
        redis.text().sadd(keys.nodes(), node);
    }

    /** Removes a node's hash and marks it as having left cleanly for {@code markFor}. */
    public void leave(String node, Duration markFor) throws Exception {
        redis.text().set(keys.nodeLeft(node), "1", SetArgs.Builder.px(markFor.toMillis()));
        redis.text().del(keys.node(node)).get(5, TimeUnit.SECONDS);
    }

    /** The ids in the node set. */
    public Set<String> nodes() throws Exception {
        return redis.text().smembers(keys.nodes()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** One field of a node's hash, or {@code null}. */
    public CompletableFuture<String> field(String node, String field) {
        return redis.text().hget(keys.node(node), field).toCompletableFuture();
    }

    /** The given fields of a node's hash, in the order asked ({@code null} for those it lacks). */
    public List<String> fields(String node, String... fields) throws Exception {
        return values(redis.text().hmget(keys.node(node), fields).get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /** The given fields of every node of the node set, by node id, in one pipelined round. */
    public Map<String, List<String>> fieldsOfAll(String... fields) throws Exception {
        Map<String, RedisFuture<List<KeyValue<String, String>>>> reads = new LinkedHashMap<>();
        for (String id : nodes()) {
            reads.put(id, redis.text().hmget(keys.node(id), fields));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, RedisFuture<List<KeyValue<String, String>>>> read : reads.entrySet()) {
            out.put(read.getKey(), values(read.getValue().get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        }
        return out;
    }

    /** Whether a node is registered now. */
    public CompletableFuture<Boolean> isRegistered(String node) {
        return redis.text().exists(keys.node(node)).toCompletableFuture().thenApply(n -> n > 0);
    }

    /** Of {@code nodes}, those that are not registered, in one pipelined round. */
    public List<String> unregistered(List<String> nodes) throws Exception {
        return where(nodes, keys::node, false);
    }

    /** Of {@code nodes}, those that marked that they left cleanly, in one pipelined round. */
    public List<String> leftCleanly(List<String> nodes) throws Exception {
        return where(nodes, keys::nodeLeft, true);
    }

    private List<String> where(List<String> nodes, java.util.function.Function<String, String> key, boolean exists)
            throws Exception {
        List<CompletableFuture<Long>> answers = nodes.stream()
                .map(node -> redis.text().exists(key.apply(node)).toCompletableFuture()).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if ((answers.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS) > 0) == exists) {
                out.add(nodes.get(i));
            }
        }
        return out;
    }

    /** Takes the lock on reaping a dead node for {@code holdFor}; whether this node got it. */
    public boolean lockReaping(String dead, String self, Duration holdFor) throws Exception {
        return "OK".equals(redis.text().set(keys.reaper(dead), self, SetArgs.Builder.nx().px(holdFor.toMillis()))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    /** Removes a reaped node from the node set and deletes its inbox. */
    public void forget(String dead) throws Exception {
        RedisFuture<Long> unlisted = redis.text().srem(keys.nodes(), dead);
        RedisFuture<Long> deleted = redis.text().del(keys.inbox(dead));
        unlisted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        deleted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A value the whole cluster shares under {@code <ns>:<name>}: the first node to ask sets it to
     * {@code candidate}, everyone reads what was set.
     */
    public String shared(String name, String candidate) throws Exception {
        String key = keys.namespace() + ":" + name;
        redis.text().set(key, candidate, SetArgs.Builder.nx()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return redis.text().get(key).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Publishes the function ids of a digest (see {@link NodeField#FUNCTIONS}). */
    public void publishFunctions(String digest, Collection<String> ids) throws Exception {
        redis.text().sadd(keys.functionSet(digest), ids.toArray(String[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the functions of a digest include {@code functionId}. */
    public boolean offers(String digest, String functionId) throws Exception {
        return redis.text().sismember(keys.functionSet(digest), functionId).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether Redis answers a {@code PING} within {@code timeout}; throws when it does not. */
    public void ping(Duration timeout) throws Exception {
        redis.text().ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where Redis is, for messages. */
    public String address() {
        return redis.address();
    }

    private static List<String> values(List<KeyValue<String, String>> values) {
        List<String> out = new ArrayList<>(values.size());
        values.forEach(kv -> out.add(kv.getValueOrElse(null)));
        return out;
    }
}
