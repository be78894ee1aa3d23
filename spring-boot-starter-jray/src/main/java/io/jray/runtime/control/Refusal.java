package io.jray.runtime.control;

/**
 * A record of a batch that Redis would not take (out of memory, a key of the wrong type), while the
 * rest of the batch was written.
 *
 * @param id the id of the task or object the record is for
 * @param error what Redis answered
 */
public record Refusal(String id, String error) {

    /** Whether Redis refused for want of memory ({@code maxmemory} reached), which may pass. */
    public boolean outOfMemory() {
        return error.startsWith("OOM ");
    }
}
