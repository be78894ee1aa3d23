/**
 * The benchmark harness: suites run interleaved against their peers, with the report written to
 * {@code BENCHMARKS.md}.
 */
package io.jray.bench;
