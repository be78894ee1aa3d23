/**
 * The embedded {@code redis-server} a node starts when no Redis is configured.
 */
package io.jray.runtime.embedded;
