package io.jray.runtime.control;

import java.util.function.Function;

/** Lookups of the schema's enums by the code they have in Redis. */
final class Codes {

    private Codes() {
    }

    /** The constant whose code is {@code code}, or {@code null} when none is. */
    static <E extends Enum<E>> E find(E[] constants, Function<E, String> codeOf, String code) {
        for (E constant : constants) {
            if (codeOf.apply(constant).equals(code)) {
                return constant;
            }
        }
        return null;
    }
}
