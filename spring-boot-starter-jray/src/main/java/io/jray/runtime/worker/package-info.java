/**
 * The worker side of a node: reading queues, running tasks and actor calls on virtual threads,
 * reporting their outcomes.
 */
package io.jray.runtime.worker;
