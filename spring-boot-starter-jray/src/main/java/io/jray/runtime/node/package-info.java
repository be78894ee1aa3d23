/**
 * Node membership: registration, heartbeats, the live nodes and their load, and the reaping of dead
 * nodes.
 */
package io.jray.runtime.node;
