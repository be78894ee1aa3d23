/**
 * The work the benchmarks submit, the same for every contender.
 */
package io.jray.bench.tasks;
