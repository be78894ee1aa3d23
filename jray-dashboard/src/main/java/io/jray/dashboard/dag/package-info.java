/**
 * How the DAG page draws a task graph: large graphs summarised into groups of one function at one
 * depth ({@link io.jray.dashboard.dag.Grouping}), laid out in layers by Eclipse ELK with crossing
 * reduction and routed edges ({@link io.jray.dashboard.dag.LayeredLayout}), as boxes sized to their
 * labels ({@link io.jray.dashboard.dag.DagDrawing}).
 */
package io.jray.dashboard.dag;
