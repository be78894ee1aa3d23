/**
 * The runtime's shared vocabulary, used by the driver side, the worker side and the control plane
 * alike, and depending on none of them: object ids and their generator, task specs and arguments,
 * the resources a task asks for and a node offers, the context of a running task, and the hooks
 * through which runs are counted and observed.
 */
package io.jray.runtime.core;
