package io.jray.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a task runs: the resources it needs, how often it is retried, its name and timeout.
 *
 * <pre>{@code
 * TaskOptions gpu = TaskOptions.builder().cpus(2).resource("gpu", 1).maxRetries(0).build();
 * ObjectRef<Model> model = jray.task(Trainer::train, data).options(gpu).remote();
 * }</pre>
 *
 * A task runs only on a node that has all of its resources; it holds them while it runs, except
 * its CPUs while it is blocked in {@code get()}.
 */
public final class TaskOptions {

    /** Retries used when none are set: a task survives the death of three nodes. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    private static final TaskOptions DEFAULTS = builder().build();

    private final double cpus;
    private final long memory;
    private final Map<String, Double> resources;
    private final int maxRetries;
    private final boolean retryExceptions;
    private final List<Class<? extends Throwable>> retryOn;
    private final String name;
    private final Duration timeout;

    private TaskOptions(Builder builder) {
        this.cpus = builder.cpus;
        this.memory = builder.memory;
        this.resources = Collections.unmodifiableMap(new TreeMap<>(builder.resources));
        this.maxRetries = builder.maxRetries;
        this.retryExceptions = builder.retryExceptions;
        this.retryOn = List.copyOf(builder.retryOn);
        this.name = builder.name;
        this.timeout = builder.timeout;
    }

    /** The options a task gets when none are given. */
    public static TaskOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cpus = cpus;
        b.memory = memory;
        b.resources.putAll(resources);
        b.maxRetries = maxRetries;
        b.retryExceptions = retryExceptions;
        b.retryOn.addAll(retryOn);
        b.name = name;
        b.timeout = timeout;
        return b;
    }

    public double cpus() {
        return cpus;
    }

    /** Memory in bytes the task reserves on its node (0: none). */
    public long memory() {
        return memory;
    }

    /** Custom resources by name, such as {@code gpu}. */
    public Map<String, Double> resources() {
        return resources;
    }

    /** How often the task is re-run after its node died (and after exceptions, when retried). */
    public int maxRetries() {
        return maxRetries;
    }

    /** Whether an exception thrown by the task leads to a retry (see {@link #retryOn()}). */
    public boolean retryExceptions() {
        return retryExceptions;
    }

    /** When retrying exceptions, the types retried; empty means every exception. */
    public List<Class<? extends Throwable>> retryOn() {
        return retryOn;
    }

    /** A name shown in the dashboard and in errors, or {@code null}. */
    public String name() {
        return name;
    }

    /** How long the task may run before it is interrupted, or {@code null} for no limit. */
    public Duration timeout() {
        return timeout;
    }

    /** Checks the name and amount of a custom resource, for tasks and actors alike. */
    static void checkResource(String name, double amount) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("resource name must be a letter followed by letters, digits, "
                    + "'_', '.' or '-', was '" + name + "'");
        }
        if (name.equals("cpu") || name.equals("memory")) {
            throw new IllegalArgumentException("use cpus(...) and memory(...) rather than resource(\"" + name + "\", ...)");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount of resource '" + name + "' must be a finite number > 0, was "
                    + amount);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOptions t && cpus == t.cpus && memory == t.memory
                && maxRetries == t.maxRetries && retryExceptions == t.retryExceptions
                && resources.equals(t.resources) && retryOn.equals(t.retryOn)
                && Objects.equals(name, t.name) && Objects.equals(timeout, t.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpus, memory, resources, maxRetries, retryExceptions, retryOn, name, timeout);
    }

    @Override
    public String toString() {
        return "TaskOptions[cpus=" + cpus + ", memory=" + memory + ", resources=" + resources
                + ", maxRetries=" + maxRetries + ", retryExceptions=" + retryExceptions
                + ", retryOn=" + retryOn + ", name=" + name + ", timeout=" + timeout + "]";
    }

    /** Builds {@link TaskOptions}; every setter checks its argument. */
    public static final class Builder {

        private double cpus = 1;
        private long memory;
        private final Map<String, Double> resources = new TreeMap<>();
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private boolean retryExceptions;
        private final List<Class<? extends Throwable>> retryOn = new ArrayList<>();
        private String name;
        private Duration timeout;

        private Builder() {
        }

        /** CPU slots the task holds while it runs (default 1; 0 for tasks that only wait). */
        public Builder cpus(double cpus) {
            if (!(cpus >= 0) || Double.isInfinite(cpus)) {
                throw new IllegalArgumentException("cpus must be a finite number >= 0, was " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        /** Bytes of node memory the task reserves while it runs. */
        public Builder memory(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memory must be >= 0 bytes, was " + bytes);
            }
            this.memory = bytes;
            return this;
        }

        /** A custom resource the task needs, such as {@code resource("gpu", 1)}. */
        public Builder resource(String name, double amount) {
            checkResource(name, amount);
            resources.put(name, amount);
            return this;
        }

        /** How often the task is re-run after its node died (default 3). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Whether exceptions thrown by the task are retried too (up to {@link #maxRetries}). */
        public Builder retryExceptions(boolean retry) {
            this.retryExceptions = retry;
            if (!retry) {
                retryOn.clear();
            }
            return this;
        }

        /** Retries exceptions of these types (and their subtypes) only. */
        @SafeVarargs
        public final Builder retryExceptions(Class<? extends Throwable>... types) {
            for (Class<? extends Throwable> type : types) {
                retryOn.add(Objects.requireNonNull(type, "retry exception type"));
            }
            this.retryExceptions = true;
            return this;
        }

        /** A name shown in the dashboard and in errors. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** How long the task may run before it is interrupted and fails with {@link TaskTimeoutException}. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public TaskOptions build() {
            return new TaskOptions(this);
        }
    }
}
