package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.RemoteTask;

/** Remote functions that take, resolve, create and return {@link ObjectRef}s. */
@RemoteTask
public class RefTasks {

    private final JRay jray;

    public RefTasks(JRay jray) {
        this.jray = jray;
    }

    /** Resolves refs that arrived inside a list. */
    public int sum(List<ObjectRef<Integer>> refs) {
        return jray.get(refs).stream().mapToInt(Integer::intValue).sum();
    }

    /** Resolves refs that arrived inside a map, one by one. */
    public String describe(Map<String, ObjectRef<Integer>> named) {
        StringBuilder out = new StringBuilder();
        named.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue().get()).append(';'));
        return out.toString();
    }

    /** Takes a ref itself (its parameter is an ObjectRef): whether it was ready on arrival, then its value. */
    public String readyOnArrival(ObjectRef<Integer> ref) {
        boolean ready = ref.isReady();
        return ready + ":" + ref.get();
    }

    /** Submits a nested task and returns its ref without waiting. */
    public ObjectRef<Integer> squareLater(int x) {
        return jray.task(Arithmetic::square, x).remote();
    }

    /** Submits {@code n} nested tasks, waits for them, and returns their ids. */
    public List<String> spawn(int n) {
        List<ObjectRef<Integer>> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            refs.add(jray.task(Arithmetic::square, i).remote());
        }
        jray.get(refs);
        return refs.stream().map(ObjectRef::id).toList();
    }

    /** A binary tree of nested tasks of the given depth, each waiting for its two children: 2^depth leaves. */
    public int leaves(int depth) {
        if (depth == 0) {
            return 1;
        }
        ObjectRef<Integer> left = jray.task(RefTasks::leaves, depth - 1).remote();
        ObjectRef<Integer> right = jray.task(RefTasks::leaves, depth - 1).remote();
        return left.get() + right.get();
    }

    /** Fans out {@code n} nested tasks and waits for all of them with {@code wait}, then sums them. */
    public int sumAfterWait(int n) {
        List<ObjectRef<Integer>> refs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(jray.task(Arithmetic::square, i).remote());
        }
        if (jray.wait(refs, n, Duration.ofSeconds(60)).ready().size() != n) {
            throw new IllegalStateException("not all nested tasks finished");
        }
        return jray.get(refs).stream().mapToInt(Integer::intValue).sum();
    }
}
