package io.jray.runtime.control;

/**
 * What a record of a submission batch ({@code submit.lua}) is, by the letter that opens it: one per
 * kind of {@link SubmitRecord}. The script names these {@code SK.<kind>} (see {@link ScriptSchema}).
 */
enum SubmitKind {

    /** A small value put by a driver ({@link SubmitRecord.Put}). */
    PUT("P"),
    /** A large value put by a driver, in its object store ({@link SubmitRecord.LargePut}). */
    LARGE_PUT("L"),
    /** A task ({@link SubmitRecord.Task}). */
    TASK("T"),
    /** An actor's creation ({@link SubmitRecord.ActorCreation}). */
    ACTOR_CREATION("C"),
    /** A call of an actor's method ({@link SubmitRecord.ActorCall}). */
    ACTOR_CALL("M");

    private final String code;

    SubmitKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
