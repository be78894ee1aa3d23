package io.jray.runtime.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.XAddArgs;

/**
 * Control messages between nodes, sent to each node's inbox stream (durable, unlike pub/sub):
 * {@value #JOBS} (jobs or queues changed: refresh), {@value #CANCEL} (a task was cancelled),
 * {@value #KILL_ACTOR} (an actor was killed: its host stops it), {@value #FREE} (objects were
 * freed: the holder deletes its copies; the argument is {@code job/id,id...}), {@value #DRAIN}
 * (the node takes no more tasks).
 */
public final class Inbox {

    public static final String JOBS = "jobs";
    public static final String CANCEL = "cancel";
    public static final String KILL_ACTOR = "kill-actor";
    public static final String FREE = "free";
    public static final String DRAIN = "drain";

    private static final XAddArgs CAPPED = XAddArgs.Builder.maxlen(10_000).approximateTrimming();

    private final ControlPlane control;

    public Inbox(ControlPlane control) {
        this.control = control;
    }

    /** Sends a message to every registered node, this one included. */
    public CompletableFuture<Void> broadcast(String type, String argument) {
        Keys keys = control.keys();
        return control.redis().text().smembers(keys.nodes()).toCompletableFuture().thenCompose(nodes -> {
            List<CompletableFuture<String>> sends = nodes.stream().map(node -> send(node, type, argument)).toList();
            return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        });
    }

    public CompletableFuture<String> send(String node, String type, String argument) {
        return control.redis().async().xadd(control.keys().inbox(node), CAPPED, ControlPlane.message(type, argument))
                .toCompletableFuture();
    }
}
