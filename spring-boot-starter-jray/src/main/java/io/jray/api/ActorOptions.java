package io.jray.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an actor lives: its name, the resources it holds while it lives, how many of its calls run
 * at once, and what happens when its node dies.
 *
 * <pre>{@code
 * ActorOptions options = ActorOptions.builder().name("counter").maxRestarts(1)
 *         .lifetime(ActorOptions.Lifetime.DETACHED).build();
 * }</pre>
 */
public final class ActorOptions {

    /** Whose lifetime an actor shares. */
    public enum Lifetime {
        /** The actor dies when the node that created it leaves the cluster. */
        OWNED,
        /** The actor lives until it is killed. */
        DETACHED
    }

    private static final ActorOptions DEFAULTS = builder().build();

    private final String name;
    private final double cpus;
    private final long memory;
    private final Map<String, Double> resources;
    private final int maxConcurrency;
    private final int maxRestarts;
    private final int maxTaskRetries;
    private final Lifetime lifetime;

    private ActorOptions(Builder b) {
        this.name = b.name;
        this.cpus = b.cpus;
        this.memory = b.memory;
        this.resources = Collections.unmodifiableMap(new TreeMap<>(b.resources));
        this.maxConcurrency = b.maxConcurrency;
        this.maxRestarts = b.maxRestarts;
        this.maxTaskRetries = b.maxTaskRetries;
        this.lifetime = b.lifetime;
    }

    public static ActorOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.cpus = cpus;
        b.memory = memory;
        b.resources.putAll(resources);
        b.maxConcurrency = maxConcurrency;
        b.maxRestarts = maxRestarts;
        b.maxTaskRetries = maxTaskRetries;
        b.lifetime = lifetime;
        return b;
    }

    /** The name under which any node finds the actor, or {@code null}. */
    public String name() {
        return name;
    }

    /** CPU slots the actor holds while it lives (default 0: it only needs a node that runs tasks). */
    public double cpus() {
        return cpus;
    }

    /** Memory in bytes the actor reserves on its node while it lives. */
    public long memory() {
        return memory;
    }

    /** Custom resources the actor holds while it lives, such as {@code gpu}. */
    public Map<String, Double> resources() {
        return resources;
    }

    /** How many calls may run at once (default 1: one at a time, in order). */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** How often the actor is created anew on another node when its node dies (default 0). */
    public int maxRestarts() {
        return maxRestarts;
    }

    /** How often a call that was running when the actor's node died is sent again (default 0). */
    public int maxTaskRetries() {
        return maxTaskRetries;
    }

    public Lifetime lifetime() {
        return lifetime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActorOptions a && cpus == a.cpus && memory == a.memory && maxConcurrency == a.maxConcurrency
                && maxRestarts == a.maxRestarts && maxTaskRetries == a.maxTaskRetries && lifetime == a.lifetime
                && Objects.equals(name, a.name) && resources.equals(a.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, cpus, memory, resources, maxConcurrency, maxRestarts, maxTaskRetries, lifetime);
    }

    @Override
    public String toString() {
        return "ActorOptions[name=" + name + ", cpus=" + cpus + ", memory=" + memory + ", resources=" + resources
                + ", maxConcurrency=" + maxConcurrency + ", maxRestarts=" + maxRestarts + ", maxTaskRetries="
                + maxTaskRetries + ", lifetime=" + lifetime + "]";
    }

    /** Builds {@link ActorOptions}; every setter checks its argument. */
    public static final class Builder {

        private String name;
        private double cpus;
        private long memory;
        private final Map<String, Double> resources = new TreeMap<>();
        private int maxConcurrency = 1;
        private int maxRestarts;
        private int maxTaskRetries;
        private Lifetime lifetime = Lifetime.OWNED;

        private Builder() {
        }

        /** A cluster-wide name: letters, digits, '_', '.', '-' and ':' (at most 200). */
        public Builder name(String name) {
            if (name != null && !name.matches("[A-Za-z0-9_.:-]{1,200}")) {
                throw new IllegalArgumentException("an actor name must be 1 to 200 letters, digits, '_', '.', ':' or '-', "
                        + "was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        public Builder cpus(double cpus) {
            if (!(cpus >= 0) || Double.isInfinite(cpus)) {
                throw new IllegalArgumentException("cpus must be a finite number >= 0, was " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        public Builder memory(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memory must be >= 0 bytes, was " + bytes);
            }
            this.memory = bytes;
            return this;
        }

        /** A custom resource the actor holds while it lives. */
        public Builder resource(String name, double amount) {
            TaskOptions.checkResource(name, amount);
            resources.put(name, amount);
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder maxRestarts(int maxRestarts) {
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("maxRestarts must be >= 0, was " + maxRestarts);
            }
            this.maxRestarts = maxRestarts;
            return this;
        }

        public Builder maxTaskRetries(int maxTaskRetries) {
            if (maxTaskRetries < 0) {
                throw new IllegalArgumentException("maxTaskRetries must be >= 0, was " + maxTaskRetries);
            }
            this.maxTaskRetries = maxTaskRetries;
            return this;
        }

        public Builder lifetime(Lifetime lifetime) {
            this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        public ActorOptions build() {
            return new ActorOptions(this);
        }
    }
}
