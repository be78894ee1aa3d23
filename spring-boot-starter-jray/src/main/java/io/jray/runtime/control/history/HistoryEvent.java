package io.jray.runtime.control.history;

import io.jray.runtime.control.RecordEvent;
import io.jray.runtime.core.ObjectId;

/**
 * One change to a task, as the control plane's scripts record it in the event stream.
 *
 * @param task the task
 * @param state a {@link RecordEvent} (new, retried) or the {@link io.jray.runtime.control.RecordState}
 *        it entered, by its letter
 * @param detail for N the function id, for R, F, E or X reported by a node {@code node,started at};
 *        else {@code null}
 * @param at when, epoch ms (Redis's clock)
 */
public record HistoryEvent(ObjectId task, String state, String detail, long at) {

    /** Whether the task entered a state (every event but a {@link RecordEvent}). */
    public boolean isStateChange() {
        return !RecordEvent.isEvent(state);
    }
}
