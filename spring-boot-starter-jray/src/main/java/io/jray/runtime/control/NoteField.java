package io.jray.runtime.control;

/**
 * The fields of a notification entry (a stream {@link JobKey#NOTES} of one node): the k-th note of
 * an entry is the fields {@code i<k>}, {@code s<k>} and, when it carries its payload inline,
 * {@code p<k>}, k from 0 to 999. The scripts name these {@code NF.id}, {@code NF.state} and
 * {@code NF.payload}, and the state of a backlog note {@code NF.backlog} (see {@link ScriptSchema}).
 */
public enum NoteField {

    /** The object that settled (empty for a backlog note). */
    ID("i"),
    /** The state it settled in ({@link RecordState}), or {@link #BACKLOG}. */
    STATE("s"),
    /** Its value or error, when small enough to travel in the note. */
    PAYLOAD("p");

    /**
     * The state of a note that tells a job's owner its backlog holds work, to be worked off with
     * the drain script.
     */
    public static final String BACKLOG = "B";

    /** How many notes one entry holds at most. */
    public static final int PER_ENTRY = 1000;

    private final String prefix;

    NoteField(String prefix) {
        this.prefix = prefix;
    }

    /** The field's name before its note's index. */
    public String prefix() {
        return prefix;
    }

    /** The field's name for the note at {@code index} of its entry. */
    public String at(int index) {
        return prefix + index;
    }
}
