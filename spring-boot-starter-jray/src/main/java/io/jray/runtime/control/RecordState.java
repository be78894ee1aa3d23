package io.jray.runtime.control;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The states a record is in (field {@link RecordField#STATE}), by their one-letter codes. An actor's
 * record uses the same letters with meanings of its own: see {@link #actorWord}.
 */
public enum RecordState {

    /** A task waiting for its dependencies. */
    WAITING("W", "waiting"),
    /** Queued, waiting for a node; for an actor: being created. */
    QUEUED("Q", "queued"),
    /** Running on a node; for an actor: being created. */
    RUNNING("R", "running"),
    /** Finished with a value; for an actor: alive. */
    FINISHED("F", "finished"),
    /** Failed with an error; for an actor: its creation failed. */
    FAILED("E", "failed"),
    /** Cancelled before it finished. */
    CANCELLED("C", "cancelled"),
    /** An actor that is dead (killed, or out of restarts). */
    DEAD("D", "dead");

    private static final Map<String, RecordState> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(RecordState::code, Function.identity()));

    private final String code;
    private final String word;

    RecordState(String code, String word) {
        this.code = code;
        this.word = word;
    }

    /** The state's letter in Redis. */
    public String code() {
        return code;
    }

    /** What a page shows for it, such as "finished". */
    public String word() {
        return word;
    }

    /** The state of a record by its letter, or {@code null} for an unknown one (or none). */
    public static RecordState of(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** Whether {@code code} is the state of a task that has not settled yet (waiting, queued, running). */
    public static boolean isUnsettled(String code) {
        return WAITING.code.equals(code) || QUEUED.code.equals(code) || RUNNING.code.equals(code);
    }

    /** The words for a task's state code; an unknown code stands for itself, none is "unknown". */
    public static String word(String code) {
        if (code == null) {
            return "unknown";
        }
        RecordState state = BY_CODE.get(code);
        return state == null ? code : state.word;
    }

    /** The words for an actor's state code. */
    public static String actorWord(String code) {
        return switch (code == null ? "" : code) {
            case "F" -> "alive";
            case "Q", "R" -> "being created";
            case "E" -> "failed";
            case "D" -> "dead";
            default -> "unknown";
        };
    }
}
