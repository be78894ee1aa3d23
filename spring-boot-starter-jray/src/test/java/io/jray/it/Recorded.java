package io.jray.it;

import io.jray.api.ObjectRef;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.TaskRecords.TaskInfo;
import io.jray.runtime.core.ObjectId;

/** What the control plane records of a task, read from Redis for assertions. */
final class Recorded {

    private Recorded() {
    }

    /** The record of the task or object behind {@code ref}, or {@code null} when Redis has none (yet). */
    static TaskInfo info(JRayNode node, ObjectRef<?> ref) throws Exception {
        return node.records().find(ObjectId.parse(ref.id()));
    }

    /** Its state code (W, Q, R, F, E, C), or {@code null} when Redis has no record (yet). */
    static String state(JRayNode node, ObjectRef<?> ref) throws Exception {
        TaskInfo info = info(node, ref);
        return info == null ? null : info.state();
    }
}
