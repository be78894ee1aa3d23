package io.jray.runtime.control;

/**
 * The fields of an entry of the namespace's history event stream ({@link Keys#events()}): the job's
 * key prefix and its events, each three words (see {@link RecordEvent}). The scripts name these
 * {@code EF.prefix} and {@code EF.events} (see {@link ScriptSchema}).
 */
public enum EventField {

    /** The key prefix of the job whose tasks changed, such as {@code jray:{j3k2a}:}. */
    PREFIX("p"),
    /** The events, space separated: state or event letter, task id, detail. */
    EVENTS("e");

    private final String code;

    EventField(String code) {
        this.code = code;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }
}
