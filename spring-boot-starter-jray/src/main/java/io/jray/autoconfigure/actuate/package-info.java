/**
 * Actuator support: the {@code jray} endpoint, health indicator, metrics and observations.
 */
package io.jray.autoconfigure.actuate;
