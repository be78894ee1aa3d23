package io.jray.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.jray.runtime.ClusterOperations;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.ClusterView;
import io.jray.runtime.core.ObjectId;

/**
 * The {@code jray} actuator endpoint. Read: the cluster summary (this node, live nodes with their
 * load, active jobs with records, queued tasks and actors). Write: {@code action} {@code cancel}
 * (a task, {@code target} = {@code job/task}), {@code kill} (an actor, {@code job/actor}) or
 * {@code drain} (a node, its id). For example:
 *
 * <pre>{@code
 * curl localhost:8080/actuator/jray
 * curl -X POST localhost:8080/actuator/jray -H 'Content-Type: application/json' \
 *      -d '{"action":"drain","target":"n7f3a2c1"}'
 * }</pre>
 *
 * Bad input is answered with 400 and a reason.
 */
@Endpoint(id = "jray")
public class JRayEndpoint {

    private final JRayNode node;

    public JRayEndpoint(JRayNode node) {
        this.node = node;
    }

    @ReadOperation
    public Map<String, Object> summary() throws Exception {
        ClusterView.Summary summary = node.operations().summary();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", node.identity().id());
        out.put("redis", node.health().address());
        out.put("nodes", summary.nodes().stream().map(JRayEndpoint::node).toList());
        out.put("jobs", summary.jobs());
        out.put("infeasible", node.control().records().infeasible());
        return out;
    }

    /** A node as JSON wants it: the figures its heartbeat reported as numbers, not as the strings Redis keeps. */
    private static Map<String, Object> node(ClusterView.NodeInfo info) {
        Map<String, Object> load = new LinkedHashMap<>();
        info.load().forEach((field, value) -> load.put(field, number(value)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", info.id());
        out.put("host", info.host());
        out.put("hostId", info.hostId());
        out.put("resources", info.resources());
        out.put("worker", info.worker());
        out.put("heartbeatAgeMillis", info.heartbeatAgeMillis());
        out.put("load", load);
        return out;
    }

    private static Object number(String value) {
        if (value != null && value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value != null && value.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(value);
        }
        return value;
    }

    @WriteOperation
    public Map<String, Object> operate(String action, String target) throws Exception {
        ClusterOperations operations = node.operations();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action);
        out.put("target", target);
        switch (action) {
            case "cancel" -> out.put("cancelled", operations.cancel(objectId(target, "task")));
            case "kill" -> {
                try {
                    operations.kill(objectId(target, "actor"));
                }
                catch (IllegalArgumentException e) {
                    throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
                }
                out.put("killed", true);
            }
            case "drain" -> {
                if (target.isBlank() || !target.matches("[A-Za-z0-9._-]{1,64}")) {
                    throw invalid("target must be a node id, was '" + target + "'");
                }
                if (!operations.drain(target)) {
                    throw invalid("no live node with id '" + target + "' runs tasks");
                }
                out.put("draining", true);
            }
            default -> throw invalid("action must be one of " + List.of("cancel", "kill", "drain") + ", was '" + action
                    + "'");
        }
        return out;
    }

    private static ObjectId objectId(String target, String what) {
        try {
            return ObjectId.parse(target);
        }
        catch (IllegalArgumentException e) {
            throw invalid("target must be the id of a " + what + " (job/" + what + "): " + e.getMessage());
        }
    }

    private static InvalidEndpointRequestException invalid(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }
}
