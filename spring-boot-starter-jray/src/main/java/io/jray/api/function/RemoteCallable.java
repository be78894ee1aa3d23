package io.jray.api.function;

import java.io.Serializable;

/**
 * The common type of the method-reference interfaces: serializable, so that jray can find the
 * referenced method (its class, name and signature). The reference itself never travels.
 */
public interface RemoteCallable extends Serializable {
}
