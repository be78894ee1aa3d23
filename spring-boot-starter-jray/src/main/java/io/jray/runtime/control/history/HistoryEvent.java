package io.jray.runtime.control.history;

import io.jray.runtime.core.ObjectId;

/**
 * One change to a task, as the control plane's scripts record it in the event stream.
 *
 * @param task the task
 * @param state {@code N} (new), {@code X} (an attempt failed and is retried), or the state it
 *        entered: W, Q, R, F, E, C, D
 * @param detail for N the function id, for R, F, E or X reported by a node {@code node,started at};
 *        else {@code null}
 * @param at when, epoch ms (Redis's clock)
 */
public record HistoryEvent(ObjectId task, String state, String detail, long at) {

    /** Whether the task entered a state (every event but {@code N} and {@code X}). */
    public boolean isStateChange() {
        return !"N".equals(state) && !"X".equals(state);
    }
}
