/**
 * Serializable method references, one interface per arity, through which remote functions are
 * named.
 */
package io.jray.api.function;
