/**
 * Task logs: what a task prints to {@code System.out} and {@code System.err} and logs through
 * SLF4J while a worker runs it, kept per attempt within a size bound, shipped with the task's
 * outcome and kept in Redis for a while, for the dashboard's task page.
 */
package io.jray.runtime.logs;
