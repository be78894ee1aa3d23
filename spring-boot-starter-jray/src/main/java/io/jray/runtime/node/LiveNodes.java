package io.jray.runtime.node;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.NodeField;
import io.jray.runtime.core.Resources;

/** The live workers and what they offer, read in one pipelined round (blocking, for chores). */
public final class LiveNodes {

    private LiveNodes() {
    }

    /** The worker nodes and what they offer ({@code resources} of their registration), by node id. */
    public static Map<String, Resources> workers(ControlPlane control) throws Exception {
        Map<String, Resources> workers = new LinkedHashMap<>();
        control.membership().fieldsOfAll(NodeField.RESOURCES.code(), NodeField.WORKER.code()).forEach((id, f) -> {
            if (f.get(0) != null && "1".equals(f.get(1))) {
                workers.put(id, Resources.parseShape(f.get(0)));
            }
        });
        return workers;
    }
}
