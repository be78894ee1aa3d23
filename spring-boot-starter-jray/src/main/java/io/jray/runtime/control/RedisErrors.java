package io.jray.runtime.control;

import io.lettuce.core.RedisCommandExecutionException;

/** Classifies the errors of the control plane's calls, so callers need not know the client's types. */
public final class RedisErrors {

    private RedisErrors() {
    }

    /**
     * What Redis answered when it refused a command ({@code OOM ...}, a script error), or
     * {@code null} when the call failed otherwise (timed out, lost its connection).
     */
    public static String refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RedisCommandExecutionException) {
                return t.getMessage();
            }
        }
        return null;
    }
}
