/**
 * Remote functions: their ids, the registry of the beans and actor classes that provide them, and
 * proxies of {@code @RemoteTask} beans.
 */
package io.jray.runtime.function;
