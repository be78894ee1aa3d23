package io.jray.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.jray.api.GetTimeoutException;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.worker.it.tasks.ChaosTasks;

/**
 * A batch of {@link ChaosTasks#work} tasks, {@code i = 0..n-1}, whose executions are counted from
 * the files they leave in the batch's own directory, and whose gets are made in parallel (one
 * virtual thread per ref), each with its own timeout, recording how and when each ended.
 */
final class ChaosBatch {

    final String name;
    final Path dir;
    /** The refs by {@code i}; {@code null} where the submission itself threw (see {@link #submitErrors}). */
    final List<ObjectRef<Integer>> refs = new ArrayList<>();
    /** What {@code remote()} threw, by {@code i}. */
    final Map<Integer, Throwable> submitErrors = new HashMap<>();
    final long submittedAt;

    /** How one get ended: with a value or an exception, at {@code endedAt} (System.nanoTime()). */
    record Outcome(int i, Integer value, Throwable error, long endedAt) {

        boolean correct() {
            return value != null && value == ChaosTasks.expected(i);
        }

        /** The simple name of the exception's type, or {@code "value"} / {@code "wrong value"}. */
        String kind() {
            if (error instanceof SubmitFailed) {
                return "remote() threw " + error.getCause().getClass().getSimpleName();
            }
            if (error != null) {
                return error.getClass().getSimpleName();
            }
            return correct() ? "value" : "wrong value";
        }
    }

    private ChaosBatch(String name, Path dir) {
        this.name = name;
        this.dir = dir;
        this.submittedAt = System.nanoTime();
    }

    /** Submits {@code n} tasks from the driver; each leaves its files in {@code root/name}. */
    static ChaosBatch submit(JRay jray, Path root, String name, int n) {
        Path dir = root.resolve(name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChaosBatch batch = new ChaosBatch(name, dir);
        batch.submitMore(jray, n);
        return batch;
    }

    /** Submits {@code n} more tasks, {@code i} going on from the last; a submission that throws is recorded. */
    ChaosBatch submitMore(JRay jray, int n) {
        String where = dir.toString();
        for (int k = 0; k < n; k++) {
            int i = refs.size();
            try {
                refs.add(jray.task(ChaosTasks::work, where, i).remote());
            }
            catch (RuntimeException e) {
                refs.add(null);
                submitErrors.put(i, e);
            }
        }
        return this;
    }

    /** The job of the batch's tasks (they all share the driver's job). */
    String job() {
        return refs.stream().filter(r -> r != null).findFirst()
                .map(r -> io.jray.runtime.core.ObjectId.parse(r.id()).job())
                .orElseThrow(() -> new AssertionError("no task of batch " + name + " was submitted"));
    }

    int size() {
        return refs.size();
    }

    /** Executions so far, from the files (cheap enough to poll). */
    long executions() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Executions per {@code i}, from the files. */
    Map<Integer, Integer> executionsByTask() {
        Map<Integer, Integer> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                String file = f.getFileName().toString();
                counts.merge(Integer.parseInt(file.substring(0, file.indexOf('-'))), 1, Integer::sum);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /**
     * Gets every ref in parallel, each with {@code timeout}, and returns how each ended; gives up
     * (with {@link GetTimeoutException} outcomes) on gets still running {@code timeout + 15 s} later.
     */
    List<Outcome> getAll(Duration timeout) {
        List<Future<Outcome>> futures = new ArrayList<>(refs.size());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < refs.size(); i++) {
                int index = i;
                ObjectRef<Integer> ref = refs.get(i);
                futures.add(pool.submit(() -> {
                    if (ref == null) {
                        return new Outcome(index, null, new SubmitFailed(submitErrors.get(index)), System.nanoTime());
                    }
                    try {
                        Integer value = ref.get(timeout);
                        return new Outcome(index, value, null, System.nanoTime());
                    }
                    catch (Throwable e) {
                        return new Outcome(index, null, e, System.nanoTime());
                    }
                }));
            }
            long deadline = System.nanoTime() + timeout.plusSeconds(15).toNanos();
            List<Outcome> outcomes = new ArrayList<>(refs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                }
                catch (Exception e) {
                    outcomes.add(new Outcome(i, null, new GetTimeoutException("the get of " + refs.get(i)
                            + " did not return within its timeout " + timeout + " plus 15 s: " + e), System.nanoTime()));
                }
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** The outcome of a task whose {@code remote()} threw: it has no ref to get. */
    static final class SubmitFailed extends RuntimeException {

        SubmitFailed(Throwable cause) {
            super("remote() threw, the task was never submitted: " + cause, cause);
        }
    }

    /** What a batch's gets and the files say, for assertions and the summary line. */
    record Tally(int tasks, int correct, int wrong, int errors, Map<String, Integer> kinds, int duplicateResults,
            long executions, int neverExecuted, int reExecuted, int maxExecutions, long lastEndedAt) {

        int lost() {
            return tasks - correct;
        }

        String kindsText() {
            StringBuilder text = new StringBuilder();
            kinds.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
            return text.toString();
        }
    }

    Tally tally(List<Outcome> outcomes) {
        int correct = 0;
        int wrong = 0;
        int errors = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        Map<Integer, Integer> seen = new HashMap<>();
        long last = 0;
        for (Outcome o : outcomes) {
            kinds.merge(o.kind(), 1, Integer::sum);
            if (o.error() != null) {
                errors++;
            }
            else {
                seen.merge(o.value(), 1, Integer::sum);
                if (o.correct()) {
                    correct++;
                }
                else {
                    wrong++;
                }
                last = Math.max(last, o.endedAt());
            }
        }
        int duplicates = seen.values().stream().mapToInt(c -> c - 1).sum();
        Map<Integer, Integer> runs = executionsByTask();
        long executions = runs.values().stream().mapToLong(Integer::longValue).sum();
        int never = 0;
        int again = 0;
        int max = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            int r = runs.getOrDefault(i, 0);
            never += r == 0 ? 1 : 0;
            again += r > 1 ? 1 : 0;
            max = Math.max(max, r);
        }
        return new Tally(outcomes.size(), correct, wrong, errors, kinds, duplicates, executions, never, again, max, last);
    }

    /** The first few failed outcomes, for assertion messages. */
    static String examples(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.stream().filter(o -> !o.correct()).limit(5).forEach(o -> text.append("\n  task ").append(o.i())
                .append(": ").append(o.error() != null ? o.error().toString() : "value " + o.value()));
        return text.toString();
    }
}
