package io.jray.runtime.core;

import java.util.Objects;

/**
 * The cluster-wide id of an object (a task's result or a {@code put} value): the job it belongs
 * to, whose Redis keys share one hash slot, and its id within the job.
 *
 * @param job the job id
 * @param id the object id within the job
 */
public record ObjectId(String job, String id) {

    public ObjectId {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(id, "id");
    }

    /** Parses the {@code job/object} form of {@link #toString()}. */
    public static ObjectId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not an object id of the form job/object: '" + text + "'");
        }
        return new ObjectId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return job + "/" + id;
    }
}
