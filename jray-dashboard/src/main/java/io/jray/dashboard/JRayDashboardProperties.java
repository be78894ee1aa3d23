package io.jray.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the jray dashboard. */
@ConfigurationProperties("jray.dashboard")
public class JRayDashboardProperties {

    /** Whether a reactive web application that is a jray node serves the dashboard under /jray. */
    private boolean enabled = true;

    /** How many tasks the history behind the Tasks page keeps (the oldest leave 4096 at a time). */
    private int historySize = 1_000_000;

    /** Whether the pages offer write actions (cancel a task, kill an actor, drain a node); off: read-only. */
    private boolean writeActions;

    /** Whether the Reactor Netty server re-arms a keep-alive connection's read after each response (see KeepAliveReadGuard). */
    private boolean keepAliveReadGuard = true;

    public boolean isKeepAliveReadGuard() {
        return keepAliveReadGuard;
    }

    public void setKeepAliveReadGuard(boolean keepAliveReadGuard) {
        this.keepAliveReadGuard = keepAliveReadGuard;
    }

    public boolean isWriteActions() {
        return writeActions;
    }

    public void setWriteActions(boolean writeActions) {
        this.writeActions = writeActions;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getHistorySize() {
        return historySize;
    }

    public void setHistorySize(int historySize) {
        this.historySize = historySize;
    }
}
