package io.jray.dashboard;

import io.jray.runtime.core.ObjectId;

/** The id parameters of the dashboard's requests, parsed; a bad one raises {@link IllegalArgumentException} naming it. */
final class Params {

    private Params() {
    }

    /** A task id ({@code job/task}) given as parameter {@code name}. */
    static ObjectId taskId(String name, String value) {
        return parse(name, value, "a task id (job/task)");
    }

    /** Any object's id ({@code job/id}: a task, an actor, a value) given as parameter {@code name}. */
    static ObjectId objectId(String name, String value) {
        return parse(name, value, "an id of the form job/id");
    }

    private static ObjectId parse(String name, String value, String form) {
        try {
            return ObjectId.parse(value == null ? null : value.trim());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be " + form + ": " + e.getMessage(), e);
        }
    }
}
