/**
 * Values on the wire: Fory serialization restricted to registered types, and remote errors.
 */
package io.jray.runtime.serialization;
