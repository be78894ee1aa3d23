package io.jray.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.dashboard.web.KeepAliveReadGuard;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.history.HistoryIndexer;
import io.jray.runtime.control.history.TaskHistory;

/**
 * The jray dashboard under {@code /jray}, in any reactive web application that is a jray node and
 * has this module on its class path; {@code jray.dashboard.enabled=false} turns it off. It only
 * reads unless {@code jray.dashboard.write-actions=true} (see {@link DashboardActionsController}).
 * Its node keeps the task history (see {@link HistoryIndexer}) and feeds the live pages from the
 * cluster's event stream.
 */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(JRayNode.class)
@ConditionalOnBooleanProperty(name = "jray.dashboard.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JRayDashboardProperties.class)
public final class JRayDashboardAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    HistoryIndexer jrayHistoryIndexer(JRayNode node, JRayDashboardProperties properties) {
        return new HistoryIndexer(node.control(), properties.getHistorySize());
    }

    @Bean
    @ConditionalOnMissingBean
    HistoryIndexerLifecycle jrayHistoryIndexerLifecycle(HistoryIndexer indexer) {
        return new HistoryIndexerLifecycle(indexer);
    }

    @Bean
    @ConditionalOnMissingBean
    TaskHistory jrayTaskHistory(JRayNode node, JRayDashboardProperties properties) {
        return new TaskHistory(node.control(), properties.getHistorySize());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LiveEvents jrayLiveEvents(HistoryIndexer indexer) {
        return new LiveEvents(indexer);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DashboardReads jrayDashboardReads() {
        return new DashboardReads();
    }

    @Bean
    @ConditionalOnMissingBean
    DashboardController jrayDashboardController(JRayNode node, TaskHistory history, LiveEvents live,
            DashboardReads reads) {
        return new DashboardController(node, history, live, reads);
    }

    @Bean
    @ConditionalOnMissingBean
    JobsController jrayJobsController(JRayNode node, TaskHistory history, DashboardReads reads) {
        return new JobsController(node, history, reads);
    }

    @Bean
    @ConditionalOnMissingBean
    TimelineController jrayTimelineController(TaskHistory history, DashboardReads reads) {
        return new TimelineController(history, reads);
    }

    @Bean
    @ConditionalOnMissingBean
    TasksController jrayTasksController(JRayNode node, TaskHistory history, LiveEvents live,
            DashboardReads reads) {
        return new TasksController(node, history, live, reads);
    }

    @Bean
    @ConditionalOnMissingBean
    DashboardActionsController jrayDashboardActionsController(JRayNode node, JRayDashboardProperties properties,
            DashboardReads reads) {
        return new DashboardActionsController(node, properties.isWriteActions(), reads);
    }

    @Bean
    @ConditionalOnMissingBean
    DashboardModel jrayDashboardModel(JRayNode node, JRayDashboardProperties properties) {
        return new DashboardModel(node.identity().id(), properties.isWriteActions());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.reactor.netty.NettyServerCustomizer")
    @ConditionalOnBooleanProperty(name = "jray.dashboard.keep-alive-read-guard", matchIfMissing = true)
    static final class ReactorNettyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KeepAliveReadGuard jrayKeepAliveReadGuard() {
            return new KeepAliveReadGuard();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.server.csrf.CsrfToken")
    static final class CsrfConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CsrfTokenModel jrayCsrfTokenModel() {
            return new CsrfTokenModel();
        }
    }
}
