/**
 * The jray contenders of the benchmarks: clusters of worker JVMs and a driver on a Redis of their
 * own.
 */
package io.jray.bench.jray;
