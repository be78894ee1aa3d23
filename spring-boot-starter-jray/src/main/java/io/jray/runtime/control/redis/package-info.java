/**
 * The Redis connections of a node and the loading of its Lua scripts.
 */
package io.jray.runtime.control.redis;
