package io.jray.runtime;

import io.jray.api.JRayUnavailableException;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.node.ClusterHealth;

/**
 * The job of the tasks a node submits from outside any task: started in Redis on first use, and
 * forgotten when it did not survive a lapse of the node's registration, so the next submission
 * starts a new one.
 */
public final class DriverJob {

    private final Jobs jobs;
    private final JobDirectory directory;
    private final ClusterHealth health;
    private final String node;
    private volatile String job;

    public DriverJob(Jobs jobs, JobDirectory directory, ClusterHealth health, String node) {
        this.jobs = jobs;
        this.directory = directory;
        this.health = health;
        this.node = node;
    }

    /** The job, started now when there is none. */
    public String get() {
        String current = job;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (job == null) {
                try {
                    job = jobs.start(node);
                    directory.refresh();
                }
                catch (Exception e) {
                    health.onFailure(e);
                    throw new JRayUnavailableException("could not start a job in Redis at " + health.address()
                            + ": " + e, e);
                }
            }
            return job;
        }
    }

    /** The job if one was started, else {@code null}. */
    public String started() {
        return job;
    }

    /** Forgets the job if Redis no longer has it active; returns the job forgotten, or {@code null}. */
    public synchronized String forgetIfEnded() throws Exception {
        String current = job;
        if (current == null || jobs.isActive(current)) {
            return null;
        }
        job = null;
        return current;
    }
}
