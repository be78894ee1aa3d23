package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.autoconfigure.actuate.JRayObservationAutoConfiguration;
import io.jray.runtime.core.TaskObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * An Observation per task: the submission is observed as a sender whose propagation headers
 * (here put by a handler standing in for Micrometer Tracing's) travel through Redis in the task's
 * spec, and the run is observed as their receiver, with the function, the kind, the task and any
 * error; so a trace follows a call from caller to worker.
 */
class TaskObservationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    /** Records the observations started, and injects a header into every sender's carrier, as tracing does. */
    static final class Recording implements ObservationHandler<Observation.Context> {

        final List<Observation.Context> started = new CopyOnWriteArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            if (context instanceof SenderContext<?> sender) {
                ((SenderContext<Map<String, String>>) sender).getSetter().set(
                        (Map<String, String>) sender.getCarrier(), "traceparent", "trace-of-" + task(context));
            }
            started.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        Observation.Context find(String name, String task) {
            return started.stream().filter(c -> c.getName().equals(name) && task.equals(task(c))).findFirst().orElse(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observed {

        @Bean
        Recording recording() {
            return new Recording();
        }

        @Bean
        ObservationRegistry observationRegistry(Recording recording) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(recording);
            return registry;
        }
    }

    private static String task(Observation.Context context) {
        KeyValue task = context.getHighCardinalityKeyValue("jray.task");
        return task == null ? null : task.getValue();
    }

    @Test
    void aTaskRunIsObservedAsTheReceiverOfItsSubmissionsTrace() {
        redis.node().withConfiguration(AutoConfigurations.of(JRayObservationAutoConfiguration.class))
                .withUserConfiguration(Observed.class, Arithmetic.class, Counter.class).run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    Recording recording = context.getBean(Recording.class);
                    ObjectRef<Integer> sum = jray.task(Arithmetic::add, 1, 2).remote();
                    ObjectRef<Integer> failed = jray.task(Arithmetic::fail, "on purpose").remote();
                    ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
                    ObjectRef<Integer> call = counter.task(Counter::increment).remote();

                    assertThat(sum.get(TIMEOUT)).isEqualTo(3);
                    assertThat(catchThrowable(() -> failed.get(TIMEOUT))).isNotNull();
                    assertThat(call.get(TIMEOUT)).isEqualTo(1);

                    await().atMost(TIMEOUT).untilAsserted(() -> {
                        for (ObjectRef<?> ref : List.of(sum, failed, call)) {
                            assertThat(recording.find(TaskObservations.SUBMIT, ref.id())).as("submit " + ref.id()).isNotNull();
                            Observation.Context run = recording.find(TaskObservations.RUN, ref.id());
                            assertThat(run).as("run " + ref.id()).isInstanceOf(ReceiverContext.class);
                            assertThat(((ReceiverContext<?>) run).getCarrier()).as("the headers that travelled")
                                    .isEqualTo(Map.of("traceparent", "trace-of-" + ref.id()));
                        }
                    });
                    Observation.Context run = recording.find(TaskObservations.RUN, sum.id());
                    assertThat(run.getLowCardinalityKeyValue("jray.function").getValue()).isEqualTo("Arithmetic#add(int,int)");
                    assertThat(run.getLowCardinalityKeyValue("jray.kind").getValue()).isEqualTo("task");
                    assertThat(run.getError()).isNull();
                    await().atMost(TIMEOUT).until(() -> recording.find(TaskObservations.RUN, failed.id()).getError() != null);
                    assertThat(recording.find(TaskObservations.RUN, failed.id()).getError())
                            .isInstanceOf(IllegalStateException.class).hasMessage("on purpose");
                    assertThat(recording.find(TaskObservations.RUN, call.id()).getLowCardinalityKeyValue("jray.kind")
                            .getValue()).isEqualTo("actor_call");
                });
    }
}
