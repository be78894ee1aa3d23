package io.jray.runtime.control.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.HistoryKey;
import io.jray.runtime.control.RecordField;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.ScriptSchema;
import io.jray.runtime.control.redis.LuaScript;
import io.jray.runtime.core.ObjectId;

/**
 * Reads the task history that {@link HistoryIndexer} keeps: pages of tasks, newest first, filtered
 * by state, function and node through bitmaps (one script call, whatever the history's size), the
 * number of tasks in each state, the functions and nodes seen, a task's row, timeline and dependents,
 * and how many tasks finished and failed in each 10 s of the last hour.
 */
public final class TaskHistory {

    /** The most rows one page may hold. */
    public static final int MAX_PAGE = 500;
    /** The states a task can be in, as the index names them. */
    public static final List<String> STATES = Arrays.stream(RecordState.values()).map(RecordState::code).toList();
    private static final int BLOCK = 4096;
    private static final int ROW_FIELDS = 9;
    private static final long RATE_BUCKET_MILLIS = 10_000;

    /**
     * A task as the history records it.
     *
     * @param seq its number in the history, in order of submission
     * @param id the task
     * @param function its function id ({@code Class#new} for an actor's creation)
     * @param state its last state: W, Q, R, F, E, C or D
     * @param node the node that ran it last, or {@code null}
     * @param submittedAt epoch ms
     * @param startedAt epoch ms, 0 if it did not start
     * @param endedAt epoch ms, 0 if it did not end
     */
    public record Row(long seq, ObjectId id, String function, String state, String node, long submittedAt,
            long startedAt, long endedAt) {

        static Row parse(String text) {
            String[] w = text.split(" ");
            if (w.length < 9) {
                return null;
            }
            return new Row(Long.parseLong(w[0]), new ObjectId(w[1], w[2]), w[3], w[4], dash(w[5]), time(w[6]),
                    time(w[7]), time(w[8]));
        }

        private static String dash(String s) {
            return "-".equals(s) ? null : s;
        }

        private static long time(String s) {
            return "-".equals(s) ? 0 : Long.parseLong(s);
        }
    }

    /**
     * One page of tasks.
     *
     * @param total how many tasks match the filter
     * @param offset how many newer matching tasks come before this page
     * @param rows the tasks, newest first
     */
    public record Page(long total, int offset, List<Row> rows) {
    }

    private final ControlPlane control;
    private final int capacity;
    private final String prefix;
    private final LuaScript page = ScriptSchema.load(TaskHistory.class, "page.lua");

    /** @param size how many tasks the history keeps at least, as given to the indexer */
    public TaskHistory(ControlPlane control, int size) {
        this.control = control;
        this.capacity = capacity(size);
        this.prefix = control.keys().history();
    }

    /** The number of slots of a history that keeps at least {@code size} tasks: a multiple of 4096. */
    public static int capacity(int size) {
        if (size < 1 || size > 1 << 30) {
            throw new IllegalArgumentException("the task history size must be between 1 and 2^30, was " + size);
        }
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** How many tasks the history keeps. */
    public int capacity() {
        return capacity;
    }

    /**
     * The tasks matching {@code filter}, newest first, skipping {@code offset}.
     *
     * @throws IllegalArgumentException for an offset below 0 or a limit outside 1..{@link #MAX_PAGE}
     */
    public Page page(HistoryFilter filter, int offset, int limit) throws Exception {
        if (offset < 0 || offset > capacity) {
            throw new IllegalArgumentException("offset must be between 0 and " + capacity + ", was " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        List<byte[]> args = new ArrayList<>(List.of(bytes(capacity), bytes(offset), bytes(limit)));
        filter.bitmaps().forEach(map -> args.add(map.getBytes(StandardCharsets.UTF_8)));
        List<Object> out = page.<List<Object>>eval(control.redis().async(), ScriptOutputType.MULTI,
                new String[] {control.keys().namespace()}, args.toArray(byte[][]::new)).get(30, TimeUnit.SECONDS);
        List<Row> rows = new ArrayList<>(out.size() - 1);
        for (int k = 1; k < out.size(); k++) {
            Row row = out.get(k) instanceof byte[] b ? Row.parse(new String(b, StandardCharsets.UTF_8)) : null;
            if (row != null) {
                rows.add(row);
            }
        }
        return new Page((Long) out.get(0), offset, rows);
    }

    /**
     * How many tasks of one job the history holds in each state, in the order of {@link #STATES}:
     * one script call per state, sent together.
     */
    public Map<String, Long> countsByState(String job) throws Exception {
        HistoryFilter ofJob = new HistoryFilter(null, null, null, job);
        List<CompletableFuture<List<Object>>> counts = new ArrayList<>();
        for (String state : STATES) {
            List<byte[]> args = new ArrayList<>(List.of(bytes(capacity), bytes(capacity), bytes(0)));
            // why: an offset of the whole capacity makes the script count and read no row
            new HistoryFilter(state, null, null, ofJob.job()).bitmaps()
                    .forEach(map -> args.add(map.getBytes(StandardCharsets.UTF_8)));
            counts.add(page.<List<Object>>eval(control.redis().async(), ScriptOutputType.MULTI,
                    new String[] {control.keys().namespace()}, args.toArray(byte[][]::new)).toCompletableFuture());
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        for (int k = 0; k < STATES.size(); k++) {
            byState.put(STATES.get(k), (Long) counts.get(k).get(30, TimeUnit.SECONDS).get(0));
        }
        return byState;
    }

    /** How many tasks of the history are in each state, in the order of {@link #STATES}. */
    public Map<String, Long> countsByState() throws Exception {
        RedisAsyncCommands<String, String> redis = control.redis().text();
        List<CompletableFuture<Long>> counts = STATES.stream()
                .map(st -> redis.bitcount(prefix + HistoryKey.BY_STATE.bitmap(st)).toCompletableFuture()).toList();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (int k = 0; k < STATES.size(); k++) {
            byState.put(STATES.get(k), counts.get(k).get(30, TimeUnit.SECONDS));
        }
        return byState;
    }

    /**
     * What the history has seen, for the filters of a page.
     *
     * @param functions the function ids, sorted
     * @param nodes the nodes that ran tasks, sorted
     */
    public record Seen(List<String> functions, List<String> nodes) {
    }

    /** The functions and nodes the history has seen (one read of its set of bitmaps). */
    public Seen seen() throws Exception {
        Set<String> maps = control.redis().text().smembers(prefix + HistoryKey.MAPS.code()).get(30, TimeUnit.SECONDS);
        return new Seen(names(maps, HistoryKey.BY_FUNCTION.code()), names(maps, HistoryKey.BY_NODE.code()));
    }

    /**
     * One event of a task's timeline.
     *
     * @param state the state it entered, or {@code X}: an attempt failed and the task is retried
     * @param at when, epoch ms
     * @param node the node that reported it, or {@code null}
     * @param startedAt for the end of an attempt a node reported, when that attempt started; else 0
     */
    public record Step(String state, long at, String node, long startedAt) {

        static Step parse(String text) {
            String[] p = text.split(":");
            if (p.length < 3) {
                return null;
            }
            return new Step(p[0], Long.parseLong(p[1]), "-".equals(p[2]) ? null : p[2],
                    p.length > 3 ? Long.parseLong(p[3]) : 0);
        }
    }

    /**
     * What the history holds of one task.
     *
     * @param row its row
     * @param timeline its first 40 events, in order
     * @param dependents the first 50 tasks submitted with its result as an argument
     */
    public record Entry(Row row, List<Step> timeline, List<ObjectId> dependents) {
    }

    /**
     * What the history holds of a task, if it is in the history: its number is read from its record,
     * then its row and dependents in one pipelined read.
     */
    public Optional<Entry> entry(ObjectId task) throws Exception {
        long seq = seqOf(task);
        if (seq < 0) {
            return Optional.empty();
        }
        long slot = seq % capacity;
        RedisAsyncCommands<String, String> redis = control.redis().text();
        CompletableFuture<Long> live = redis.getbit(prefix + HistoryKey.ALL.code(), slot).toCompletableFuture();
        CompletableFuture<String> dependents = redis.hget(prefix + HistoryKey.DEPENDENTS.code() + seq / 128,
                Long.toString(seq % 128)).toCompletableFuture();
        String text = redis.hget(prefix + HistoryKey.ROWS.code() + slot / 128, Long.toString(slot % 128))
                .get(30, TimeUnit.SECONDS);
        String[] words = text == null ? null : text.split(" ");
        // why: a cleared block's rows stay until new tasks take their slots; its bits are gone at once
        if (live.get(30, TimeUnit.SECONDS) != 1 || words == null || words.length < ROW_FIELDS
                || !words[0].equals(Long.toString(seq))) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (int k = ROW_FIELDS; k < words.length; k++) {
            Step step = Step.parse(words[k]);
            if (step != null) {
                steps.add(step);
            }
        }
        return Optional.ofNullable(Row.parse(String.join(" ", Arrays.copyOf(words, ROW_FIELDS))))
                .map(row -> new Entry(row, List.copyOf(steps), ids(task.job(), dependents.join())));
    }

    /** The history's row of a task, if it is in the history. */
    public Optional<Row> find(ObjectId task) throws Exception {
        return entry(task).map(Entry::row);
    }

    /** The first 40 events of a task, in order; empty when it is not in the history. */
    public List<Step> timeline(ObjectId task) throws Exception {
        return entry(task).map(Entry::timeline).orElse(List.of());
    }

    /** The first 50 tasks submitted with {@code task}'s result as an argument. */
    public List<ObjectId> dependents(ObjectId task) throws Exception {
        return dependents(List.of(task)).getOrDefault(task, List.of());
    }

    /**
     * The first 50 dependents of each of {@code tasks} that has some, in two pipelined reads
     * whatever their number: their numbers in the history, then their dependents.
     */
    public Map<ObjectId, List<ObjectId>> dependents(Collection<ObjectId> tasks) throws Exception {
        RedisAsyncCommands<String, String> redis = control.redis().text();
        Map<ObjectId, CompletableFuture<String>> seqs = new LinkedHashMap<>();
        for (ObjectId task : tasks) {
            seqs.put(task, redis.hget(control.keys().record(task.job(), task.id()), RecordField.HISTORY_SEQ.code()).toCompletableFuture());
        }
        Map<ObjectId, CompletableFuture<String>> lists = new LinkedHashMap<>();
        for (Map.Entry<ObjectId, CompletableFuture<String>> seq : seqs.entrySet()) {
            String hx = seq.getValue().get(30, TimeUnit.SECONDS);
            if (hx != null) {
                long n = Long.parseLong(hx);
                lists.put(seq.getKey(), redis.hget(prefix + HistoryKey.DEPENDENTS.code() + n / 128,
                        Long.toString(n % 128)).toCompletableFuture());
            }
        }
        Map<ObjectId, List<ObjectId>> out = new LinkedHashMap<>();
        for (Map.Entry<ObjectId, CompletableFuture<String>> list : lists.entrySet()) {
            List<ObjectId> ids = ids(list.getKey().job(), list.getValue().get(30, TimeUnit.SECONDS));
            if (!ids.isEmpty()) {
                out.put(list.getKey(), ids);
            }
        }
        return out;
    }

    /**
     * Tasks finished and failed per 10 s over the last {@code minutes} minutes, oldest first: each
     * entry maps the bucket's start (epoch ms) to {finished, failed}.
     */
    public Map<Long, long[]> throughput(int minutes, long now) throws Exception {
        long last = now / RATE_BUCKET_MILLIS;
        long first = last - minutes * 60_000L / RATE_BUCKET_MILLIS + 1;
        List<String> fields = new ArrayList<>();
        for (long b = first; b <= last; b++) {
            fields.add(b + RecordState.FINISHED.code());
            fields.add(b + RecordState.FAILED.code());
        }
        List<KeyValue<String, String>> values = control.redis().text()
                .hmget(prefix + HistoryKey.RATE.code(), fields.toArray(String[]::new)).get(30, TimeUnit.SECONDS);
        Map<Long, long[]> out = new TreeMap<>();
        for (long b = first; b <= last; b++) {
            int k = (int) (b - first) * 2;
            out.put(b * RATE_BUCKET_MILLIS, new long[] {number(values.get(k)), number(values.get(k + 1))});
        }
        return out;
    }

    /** The task's number in the history (its record keeps it), or -1. */
    private long seqOf(ObjectId task) throws Exception {
        String hx = control.redis().text().hget(control.keys().record(task.job(), task.id()), RecordField.HISTORY_SEQ.code())
                .get(30, TimeUnit.SECONDS);
        return hx == null ? -1 : Long.parseLong(hx);
    }

    private static List<String> names(Set<String> maps, String kind) {
        return maps.stream().filter(map -> map.startsWith(kind)).map(map -> map.substring(kind.length())).sorted()
                .toList();
    }

    /** The ids of a space-separated list of a job's objects. */
    private static List<ObjectId> ids(String job, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(" ")).map(id -> new ObjectId(job, id)).toList();
    }

    private static long number(KeyValue<String, String> kv) {
        return kv.hasValue() ? Long.parseLong(kv.getValue()) : 0;
    }

    private static byte[] bytes(long n) {
        return Long.toString(n).getBytes(StandardCharsets.UTF_8);
    }
}
