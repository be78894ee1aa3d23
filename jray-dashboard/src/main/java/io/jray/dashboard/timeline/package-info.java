/**
 * The timeline of task runs: per node, per slot lane, over a window of time, drawn as an SVG and
 * exported as Chrome trace JSON (which Perfetto and {@code chrome://tracing} open).
 */
package io.jray.dashboard.timeline;
