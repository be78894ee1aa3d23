package io.jray.runtime.core;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * An amount of resources by name: {@code cpu}, {@code memory} (bytes) and custom ones such as
 * {@code gpu}. A task's demand has a {@linkplain #shape() shape}, its canonical text, which names
 * the queue it waits in: nodes read only the queues whose demand they can ever satisfy.
 */
public final class Resources {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";

    private final Map<String, Double> amounts;

    private Resources(Map<String, Double> amounts) {
        this.amounts = Collections.unmodifiableMap(amounts);
    }

    /** Resources with the given amounts; zero amounts are dropped, except cpu. */
    public static Resources of(Map<String, Double> amounts) {
        TreeMap<String, Double> sorted = new TreeMap<>();
        amounts.forEach((name, amount) -> {
            if (amount == null || !(amount >= 0) || amount.isInfinite()) {
                throw new IllegalArgumentException("resource '" + name + "' needs a finite amount >= 0, was " + amount);
            }
            if (amount > 0 || name.equals(CPU)) {
                sorted.put(name, amount);
            }
        });
        return new Resources(sorted);
    }

    /** A demand of CPUs, memory (0: none) and custom resources. */
    public static Resources demand(double cpus, long memory, Map<String, Double> custom) {
        Map<String, Double> amounts = new TreeMap<>(custom);
        amounts.put(CPU, cpus);
        if (memory > 0) {
            amounts.put(MEMORY, (double) memory);
        }
        return of(amounts);
    }

    /** Parses a {@link #shape()}. */
    public static Resources parseShape(String shape) {
        TreeMap<String, Double> amounts = new TreeMap<>();
        for (String part : shape.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed resource shape '" + shape + "'");
            }
            try {
                amounts.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed amount in resource shape '" + shape + "': " + part, e);
            }
        }
        return of(amounts);
    }

    public double get(String name) {
        return amounts.getOrDefault(name, 0.0);
    }

    public Map<String, Double> amounts() {
        return amounts;
    }

    /** Canonical text such as {@code cpu=1} or {@code cpu=2,gpu=1}. */
    public String shape() {
        StringJoiner out = new StringJoiner(",");
        amounts.forEach((name, amount) -> out.add(name + "=" + format(amount)));
        return out.toString();
    }

    /** Whether this demand fits into {@code total} (ever, not necessarily now). */
    public boolean fitsIn(Resources total) {
        for (Map.Entry<String, Double> e : amounts.entrySet()) {
            if (e.getValue() > total.get(e.getKey()) + 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static String format(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources r && amounts.equals(r.amounts);
    }

    @Override
    public int hashCode() {
        return amounts.hashCode();
    }

    @Override
    public String toString() {
        return shape();
    }
}
