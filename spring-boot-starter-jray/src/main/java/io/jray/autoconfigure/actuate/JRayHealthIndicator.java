package io.jray.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.NodeField;

/**
 * Health of this jray node: DOWN when Redis does not answer a {@code PING} within two seconds or
 * when this node's registration lapsed (its heartbeat stopped, so the cluster takes it for dead);
 * details name the node, Redis, the heartbeat's age and the submissions waiting to be sent.
 */
public class JRayHealthIndicator extends AbstractHealthIndicator {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final JRayNode node;

    public JRayHealthIndicator(JRayNode node) {
        super("jray health check failed");
        this.node = node;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String id = node.identity().id();
        builder.withDetail("node", id).withDetail("redis", node.health().address())
                .withDetail("submitBacklog", node.submitter().backlog());
        try {
            node.control().membership().ping(PING_TIMEOUT);
        }
        catch (Exception e) {
            builder.down().withDetail("error", "Redis at " + node.health().address() + " did not answer a PING within "
                    + PING_TIMEOUT.toSeconds() + " s: " + e);
            return;
        }
        String beat = node.control().membership().field(id, NodeField.BEAT.code())
                .get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (beat == null) {
            builder.down().withDetail("error", "this node's registration lapsed: the cluster takes it for dead");
            return;
        }
        builder.up().withDetail("heartbeatAgeMillis", Math.max(0, System.currentTimeMillis() - Long.parseLong(beat)))
                .withDetail("draining", node.isDraining());
    }
}
