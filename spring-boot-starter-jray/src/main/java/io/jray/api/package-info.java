/**
 * jray's public API: {@code JRay}, remote tasks and actors, object refs, their options and
 * exceptions.
 */
package io.jray.api;
