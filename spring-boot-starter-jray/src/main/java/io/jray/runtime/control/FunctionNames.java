package io.jray.runtime.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns the function field of a task record back into the function id. A task record holds a
 * short code that its job interned the function id under ({@link JobKey#FUNCTIONS}); an actor's
 * creation and older records hold the id itself ({@code class#method}), which always has a
 * {@code #} and is returned as it is. Codes never change within a job, so they are cached.
 */
public final class FunctionNames {

    private static final int CACHED = 10_000;

    private final ControlPlane control;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    FunctionNames(ControlPlane control) {
        this.control = control;
    }

    /**
     * The function id a record's function field names, in a job.
     *
     * @return the field as it is when it is empty or already a function id; {@code null} for a
     *         field that is neither and has no entry in the job's hash (the job's keys expired)
     */
    public String of(String job, String field) throws Exception {
        if (field == null || field.isEmpty() || field.indexOf('#') >= 0) {
            return field;
        }
        String key = job + "|" + field;
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String name = control.redis().text().hget(control.keys().functions(job), "@" + field).get(30, TimeUnit.SECONDS);
        if (name != null) {
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(key, name);
        }
        return name;
    }
}
