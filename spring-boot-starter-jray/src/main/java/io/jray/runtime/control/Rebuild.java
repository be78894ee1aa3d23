package io.jray.runtime.control;

/**
 * What {@link ObjectDirectory#rebuild} found of a large object whose copies were all lost. The
 * script names these {@code RB.<result>} (see {@link ScriptSchema}).
 */
public enum Rebuild {

    /** Its task was queued again (or is being rebuilt already): wait for its notification. */
    QUEUED("Q"),
    /** A live copy exists, or the value is inline: read it again. */
    READABLE("F"),
    /** It failed meanwhile. */
    FAILED("E"),
    /** It was cancelled meanwhile. */
    CANCELLED("C"),
    /** It cannot be rebuilt: a put value or an actor call's result (actors are not replayed). */
    NOT_REBUILDABLE("N"),
    /** An input of its task was freed (lineage is kept only while inputs are referenced). */
    INPUT_FREED("I"),
    /** Its record is gone: freed, or its job ended. */
    GONE("X");

    private final String code;

    Rebuild(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Rebuild of(String code) {
        Rebuild found = Codes.find(values(), Rebuild::code, code);
        if (found == null) {
            throw new IllegalStateException("rebuild.lua answered " + code + ", which Rebuild does not define");
        }
        return found;
    }
}
