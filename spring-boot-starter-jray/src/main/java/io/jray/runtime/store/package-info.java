/**
 * The per-node shared-memory object store of large values, its spilling, and the authenticated
 * endpoint other hosts pull objects from.
 */
package io.jray.runtime.store;
