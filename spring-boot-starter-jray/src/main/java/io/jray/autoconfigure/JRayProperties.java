package io.jray.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of a jray node. Redis itself is configured with the standard
 * {@code spring.data.redis.*} properties.
 */
@ConfigurationProperties("jray")
public class JRayProperties implements Validator {

    /** Whether this application joins a jray cluster at all. */
    private boolean enabled = true;

    /** Prefix of every Redis key jray writes; nodes with the same namespace form one cluster. */
    private String namespace = "jray";

    private final Node node = new Node();

    private final Worker worker = new Worker();

    private final Heartbeat heartbeat = new Heartbeat();

    private final Redis redis = new Redis();

    private final Serialization serialization = new Serialization();

    private final ObjectStore object = new ObjectStore();

    private final Job job = new Job();

    private final Submit submit = new Submit();

    private final Task task = new Task();

    private final Logs logs = new Logs();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public Node getNode() {
        return node;
    }

    public Worker getWorker() {
        return worker;
    }

    public Heartbeat getHeartbeat() {
        return heartbeat;
    }

    public Redis getRedis() {
        return redis;
    }

    public Serialization getSerialization() {
        return serialization;
    }

    public ObjectStore getObject() {
        return object;
    }

    public Job getJob() {
        return job;
    }

    public Submit getSubmit() {
        return submit;
    }

    public Task getTask() {
        return task;
    }

    public Logs getLogs() {
        return logs;
    }

    /** Boot checks the bound values with this before any bean uses them. */
    @Override
    public boolean supports(Class<?> type) {
        return JRayProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        JRayPropertiesValidation.validate((JRayProperties) target, errors);
    }

    /** What this node offers to tasks. */
    public static class Node {

        /** CPU slots offered to tasks; defaults to the number of available processors. */
        private Double cpus;

        /** Memory offered to tasks that reserve memory; defaults to none. */
        private DataSize memory;

        /** Custom resources offered, by name, such as {@code gpu: 1}. */
        private Map<String, Double> resources = new LinkedHashMap<>();

        /** What identifies this machine; defaults to the host name. */
        private String hostId;

        public Double getCpus() {
            return cpus;
        }

        public void setCpus(Double cpus) {
            this.cpus = cpus;
        }

        public DataSize getMemory() {
            return memory;
        }

        public void setMemory(DataSize memory) {
            this.memory = memory;
        }

        public Map<String, Double> getResources() {
            return resources;
        }

        public void setResources(Map<String, Double> resources) {
            this.resources = resources;
        }

        public String getHostId() {
            return hostId;
        }

        public void setHostId(String hostId) {
            this.hostId = hostId;
        }
    }

    /** How this node runs tasks. */
    public static class Worker {

        /** Whether this node runs tasks; when false it only submits them. */
        private boolean enabled = true;

        /** Whether a node that runs tasks keeps its JVM alive until it is stopped, web application or not. */
        private boolean keepAlive = true;

        /** How many tasks may be read ahead while tasks are short. */
        private int prefetch = 256;

        /** Tasks shorter than this on average are read ahead. */
        private Duration shortTask = Duration.ofMillis(2);

        /** How long a task read ahead may wait on this node before it is given back to the queue. */
        private Duration giveBackAfter = Duration.ofMillis(100);

        /** How long running tasks may finish when the node shuts down. */
        private Duration shutdownGrace = Duration.ofSeconds(10);

        /** How long one blocking read of the task queues waits. */
        private Duration block = Duration.ofSeconds(2);

        /** The most task outcomes reported in one script call. */
        private int reportBatch = 1000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isKeepAlive() {
            return keepAlive;
        }

        public void setKeepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
        }

        public int getPrefetch() {
            return prefetch;
        }

        public void setPrefetch(int prefetch) {
            this.prefetch = prefetch;
        }

        public Duration getShortTask() {
            return shortTask;
        }

        public void setShortTask(Duration shortTask) {
            this.shortTask = shortTask;
        }

        public Duration getGiveBackAfter() {
            return giveBackAfter;
        }

        public void setGiveBackAfter(Duration giveBackAfter) {
            this.giveBackAfter = giveBackAfter;
        }

        public Duration getShutdownGrace() {
            return shutdownGrace;
        }

        public void setShutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
        }

        public Duration getBlock() {
            return block;
        }

        public void setBlock(Duration block) {
            this.block = block;
        }

        public int getReportBatch() {
            return reportBatch;
        }

        public void setReportBatch(int reportBatch) {
            this.reportBatch = reportBatch;
        }
    }

    /** How nodes tell they are alive. */
    public static class Heartbeat {

        /** How often a node refreshes its registration. */
        private Duration interval = Duration.ofMillis(500);

        /** After how long without a heartbeat a node is dead and its tasks run elsewhere. */
        private Duration timeout = Duration.ofSeconds(5);

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The Redis that coordinates the cluster (its address: {@code spring.data.redis.*}). */
    public static class Redis {

        /** Whether to start a private redis-server: when no Redis is configured (auto), always, or never. */
        private EmbeddedMode embedded = EmbeddedMode.AUTO;

        /** The redis-server binary to run for the embedded server; by default from PATH, else bundled. */
        private String embeddedExecutable;

        /** The address the embedded server listens on; loopback unless changed. */
        private String embeddedBind = "127.0.0.1";

        /** The port of the embedded server; 0 picks a free one. */
        private int embeddedPort;

        /** How long calls wait for an unreachable Redis before they fail with JRayUnavailableException. */
        private Duration unavailableTimeout = Duration.ofSeconds(10);

        public EmbeddedMode getEmbedded() {
            return embedded;
        }

        public void setEmbedded(EmbeddedMode embedded) {
            this.embedded = embedded;
        }

        public String getEmbeddedExecutable() {
            return embeddedExecutable;
        }

        public void setEmbeddedExecutable(String embeddedExecutable) {
            this.embeddedExecutable = embeddedExecutable;
        }

        public String getEmbeddedBind() {
            return embeddedBind;
        }

        public void setEmbeddedBind(String embeddedBind) {
            this.embeddedBind = embeddedBind;
        }

        public int getEmbeddedPort() {
            return embeddedPort;
        }

        public void setEmbeddedPort(int embeddedPort) {
            this.embeddedPort = embeddedPort;
        }

        public Duration getUnavailableTimeout() {
            return unavailableTimeout;
        }

        public void setUnavailableTimeout(Duration unavailableTimeout) {
            this.unavailableTimeout = unavailableTimeout;
        }
    }

    /** When to start an embedded redis-server. */
    public enum EmbeddedMode {
        AUTO, ALWAYS, NEVER
    }

    /** What may be serialized. */
    public static class Serialization {

        /** Extra types allowed as arguments, results and put values (with the types of their fields). */
        private List<Class<?>> allowedTypes = new ArrayList<>();

        public List<Class<?>> getAllowedTypes() {
            return allowedTypes;
        }

        public void setAllowedTypes(List<Class<?>> allowedTypes) {
            this.allowedTypes = allowedTypes;
        }
    }

    /** Where values live: inline in Redis when small, else in each node's shared-memory object store. */
    public static class ObjectStore {

        /** Values up to this size stay inline in Redis; larger ones go into the object store of the node that made them. */
        private DataSize inlineThreshold = DataSize.ofKilobytes(100);

        /** Where the store's segment files live (default /dev/shm when it exists, else the temp directory). */
        private String directory;

        /** Where primary copies spill when the store is full (default the temp directory). */
        private String spillDirectory;

        /** The most bytes of objects a node keeps in shared memory (default 30% of the machine's RAM). */
        private DataSize storeLimit;

        /** The address the object endpoint listens on; other hosts pull large objects from it. */
        private String bindAddress = "127.0.0.1";

        /** The object endpoint's port; 0 picks a free one. */
        private int port;

        /** The host name or address others use to reach the object endpoint (default the bind address, or the host name when that is 0.0.0.0). */
        private String advertisedHost;

        /** The cluster token that authenticates object transfers (default one kept in Redis). */
        private String token;

        public DataSize getInlineThreshold() {
            return inlineThreshold;
        }

        public void setInlineThreshold(DataSize inlineThreshold) {
            this.inlineThreshold = inlineThreshold;
        }

        public String getDirectory() {
            return directory;
        }

        public void setDirectory(String directory) {
            this.directory = directory;
        }

        public String getSpillDirectory() {
            return spillDirectory;
        }

        public void setSpillDirectory(String spillDirectory) {
            this.spillDirectory = spillDirectory;
        }

        public DataSize getStoreLimit() {
            return storeLimit;
        }

        public void setStoreLimit(DataSize storeLimit) {
            this.storeLimit = storeLimit;
        }

        public String getBindAddress() {
            return bindAddress;
        }

        public void setBindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getAdvertisedHost() {
            return advertisedHost;
        }

        public void setAdvertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }
    }

    /** Jobs: one driver's submissions. */
    public static class Job {

        /** How long the records of an ended job stay in Redis (for the dashboard). */
        private Duration retention = Duration.ofHours(1);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    /** How tasks are sent to Redis. */
    public static class Submit {

        /** The most tasks submitted in one script call. */
        private int batch = 1000;

        public int getBatch() {
            return batch;
        }

        public void setBatch(int batch) {
            this.batch = batch;
        }
    }

    /** What happens to tasks no node can run. */
    public static class Task {

        /** How long a task or actor whose resources no live node offers waits before it fails (default: until a node that offers them joins). */
        private Duration infeasibleTimeout;

        public Duration getInfeasibleTimeout() {
            return infeasibleTimeout;
        }

        public void setInfeasibleTimeout(Duration infeasibleTimeout) {
            this.infeasibleTimeout = infeasibleTimeout;
        }
    }

    /** What tasks print and log, kept per task for the dashboard's task page. */
    public static class Logs {

        /** Whether what tasks write to System.out and System.err and log through SLF4J is kept. */
        private boolean enabled = true;

        /** The most kept of one attempt's log: its first and last lines, the middle counted and left out. */
        private DataSize maxPerTask = DataSize.ofKilobytes(16);

        /** The most bytes of task logs one node ships to Redis per second, on average (bursts of 10 s pass). */
        private DataSize maxPerSecond = DataSize.ofKilobytes(64);

        /** How long a task's log stays in Redis. */
        private Duration retention = Duration.ofMinutes(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public DataSize getMaxPerTask() {
            return maxPerTask;
        }

        public void setMaxPerTask(DataSize maxPerTask) {
            this.maxPerTask = maxPerTask;
        }

        public DataSize getMaxPerSecond() {
            return maxPerSecond;
        }

        public void setMaxPerSecond(DataSize maxPerSecond) {
            this.maxPerSecond = maxPerSecond;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }
}
