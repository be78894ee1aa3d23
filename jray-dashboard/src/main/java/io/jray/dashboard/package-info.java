/**
 * The jray dashboard: overview, tasks, DAG view, actors, objects and nodes, rendered on the server
 * from the records the control plane keeps in Redis, and updated live over Server-Sent Events.
 * Not built yet: this module reserves its place in the layout.
 */
package io.jray.dashboard;
