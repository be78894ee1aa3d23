package io.jray.runtime.control;

/**
 * What a record is (field {@link RecordField#KIND}). The scripts name these {@code RK.task},
 * {@code RK.actor} and {@code RK.put} (see {@link ScriptSchema}).
 */
public enum RecordKind {

    /** A task, or a call of an actor's method. */
    TASK("t"),
    /** An actor: its creation, then its life. */
    ACTOR("a"),
    /** A value put into the object store by a driver. */
    PUT("p");

    private final String code;

    RecordKind(String code) {
        this.code = code;
    }

    /** The kind of a record by its letter, or {@code null} for an unknown one. */
    public static RecordKind of(String code) {
        return Codes.find(values(), RecordKind::code, code);
    }

    /** The kind's letter in Redis. */
    public String code() {
        return code;
    }
}
