/**
 * The Redisson executor contenders, measured on the same machine and Redis as jray's.
 */
package io.jray.bench.redisson;
