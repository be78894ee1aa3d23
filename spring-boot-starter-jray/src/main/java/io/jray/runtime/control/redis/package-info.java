/**
 * The connection under the control plane: a node's Redis connections (the shared one for pipelined
 * commands, one per blocking reader), its Lua scripts sent by SHA1, the streams a reader passes over
 * and the eviction check. Only the control plane and the auto-configuration that opens the
 * connection use it.
 */
package io.jray.runtime.control.redis;
