/**
 * Submitting tasks and actors, object refs and their resolution, and the context of a running task.
 */
package io.jray.runtime.task;
