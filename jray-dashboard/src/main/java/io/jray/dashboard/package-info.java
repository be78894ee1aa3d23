/**
 * The dashboard: WebFlux pages and Server-Sent Events over the cluster state, history, DAGs, jobs,
 * timeline and task logs in Redis; read-only unless {@code jray.dashboard.write-actions} is set.
 */
package io.jray.dashboard;
