package io.jray.runtime.core;

import java.util.List;

/**
 * Turns a task's arguments into the values its function is called with: inline values decoded,
 * references waited for and fetched (a failed one throws as {@code get()} would). The worker side
 * runs tasks through this; the driver side, which owns refs, implements it.
 */
@FunctionalInterface
public interface ArgumentResolver {

    /** The values of {@code args}, in order. */
    Object[] resolve(List<TaskArg> args);
}
