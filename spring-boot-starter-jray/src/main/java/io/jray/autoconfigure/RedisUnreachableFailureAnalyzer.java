package io.jray.autoconfigure;

import io.lettuce.core.RedisConnectionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Redis that cannot be reached at start-up into Boot's "APPLICATION FAILED TO START" report,
 * with the address tried and what to change, instead of a chain of nested causes.
 */
class RedisUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<RedisConnectionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisConnectionException cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == cause ? "" : " (" + root.getMessage() + ")";
        return new FailureAnalysis("jray could not reach the Redis that coordinates its cluster: "
                + cause.getMessage() + why + ".",
                "Start Redis at that address, or point spring.data.redis.host and spring.data.redis.port (or "
                        + "spring.data.redis.url) at a running one. To have jray start a redis-server of its own on "
                        + "this machine, leave spring.data.redis.* unset (jray.redis.embedded=auto) or set "
                        + "jray.redis.embedded=always.", cause);
    }
}
