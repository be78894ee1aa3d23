/**
 * The control plane: Redis keys, the Lua scripts that submit, complete, cancel and retire tasks
 * atomically, and readers of their records.
 */
package io.jray.runtime.control;
