package io.jray.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.JRay;
import io.jray.api.RemoteTask;
import io.jray.api.SerializationCustomizer;
import io.jray.api.SerializationException;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.NodeField;
import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.core.Resources;
import io.jray.runtime.embedded.EmbeddedRedisServer;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.task.ObjectRefType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The auto-configuration against a real Redis: what an application gets, and how it is customized. */
class JRayAutoConfigurationTests extends ContextOnRedis {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void withARedisConfiguredTheApplicationIsARunningNodeAndNoEmbeddedServerStarts() {
        withRedis().withUserConfiguration(Greeter.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JRay.class).hasSingleBean(JRayNode.class)
                    .hasSingleBean(ValueCodec.class).hasSingleBean(FunctionRegistry.class).hasSingleBean(RedisLink.class)
                    .doesNotHaveBean(EmbeddedRedisServer.class);
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(node.isRunning()).isTrue();
            assertThat(node.identity().worker()).isTrue();
            assertThat(node.control().redis().address()).isEqualTo(redis.host() + ":" + redis.port());
            assertThat(context.getBean(JRay.class).task(Greeter::greet, new Person("Ada")).remote().get(TIMEOUT))
                    .isEqualTo(new Greeting("Hello, Ada"));
        });
    }

    @Test
    void theNodeLeavesTheClusterWhenTheContextCloses() {
        JRayNode[] node = new JRayNode[1];
        withRedis().run(context -> node[0] = context.getBean(JRayNode.class));

        assertThat(node[0].isRunning()).isFalse();
        assertThat(redis.commands().exists(node[0].control().keys().node(node[0].identity().id()))).isZero();
    }

    @Test
    void remoteTaskBeansBecomeProxiesAndTheirSignatureTypesAreRegistered() {
        withRedis().withUserConfiguration(Greeter.class).run(context -> {
            assertThat(AopUtils.isAopProxy(context.getBean(Greeter.class))).isTrue();
            assertThat(context.getBean(FunctionRegistry.class).functions()).extracting(f -> f.method().getName())
                    .containsExactly("greet");
            assertThat(context.getBean(ValueCodec.class).registeredTypes()).contains(Person.class.getName(),
                    Greeting.class.getName());
        });
    }

    @Test
    void allowedTypesAreRegisteredWithTheTypesOfTheirFields() {
        withRedis().withPropertyValues("jray.serialization.allowed-types=" + Envelope.class.getName()).run(context -> {
            Collection<String> types = context.getBean(ValueCodec.class).registeredTypes();

            assertThat(types).contains(Envelope.class.getName(), Person.class.getName());
            assertThat(context.getBean(JRay.class).put(new Envelope(new Person("Bo"))).get(TIMEOUT))
                    .isEqualTo(new Envelope(new Person("Bo")));
        });
    }

    @Test
    void anAllowedTypeThatDoesNotExistFailsTheStartupNamingTheProperty() {
        withRedis().withPropertyValues("jray.serialization.allowed-types=com.example.Missing")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("jray.serialization.allowed-types")
                        .hasStackTraceContaining("com.example.Missing"));
    }

    @Test
    void serializationCustomizerBeansRegisterTheirTypes() {
        withRedis().withUserConfiguration(CustomizerConfiguration.class).run(context -> {
            assertThat(context.getBean(ValueCodec.class).registeredTypes()).contains(Envelope.class.getName(),
                    Greeting.class.getName());
        });
    }

    @Test
    void withoutRegistrationATypeCannotBePut() {
        withRedis().run(context -> {
            assertThat(context.getBean(ValueCodec.class).registeredTypes()).doesNotContain(Envelope.class.getName());
            assertThatExceptionOfType(SerializationException.class)
                    .isThrownBy(() -> context.getBean(JRay.class).put(new Envelope(new Person("Cy"))))
                    .withMessageContaining(Envelope.class.getName());
        });
    }

    @Test
    void aUserDefinedValueCodecReplacesTheAutoConfiguredOne() {
        withRedis().withUserConfiguration(CountingCodecConfiguration.class).run(context -> {
            ValueCodec codec = context.getBean(ValueCodec.class);
            assertThat(codec).isInstanceOf(CountingCodec.class);

            assertThat(context.getBean(JRay.class).put("counted").get(TIMEOUT)).isEqualTo("counted");
            assertThat(((CountingCodec) codec).encoded.get()).as("values the node encoded with it").isPositive();
        });
    }

    @Test
    void aUserDefinedNodeIdentityIsTheOneTheNodeRegisters() {
        withRedis().withUserConfiguration(RackIdentityConfiguration.class).run(context -> {
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(node.identity().id()).isEqualTo("rack7node");
            assertThat(node.control().membership().fields("rack7node", "hostId", NodeField.RESOURCES.code()))
                    .as("the node's registration in Redis").containsExactly("rack-7", "cpu=3");
        });
    }

    @Test
    void nodePropertiesDecideTheResourcesItOffers() {
        withRedis().withPropertyValues("jray.node.cpus=3", "jray.node.memory=1GB", "jray.node.resources.gpu=2")
                .run(context -> assertThat(context.getBean(JRayNode.class).identity().resources().shape())
                        .isEqualTo("cpu=3,gpu=2,memory=1073741824"));
        withRedis().run(context -> assertThat(context.getBean(JRayNode.class).identity().resources().shape())
                .as("cpus default to the available processors")
                .isEqualTo("cpu=" + Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void jrayEnabledFalseLeavesTheApplicationAlone() {
        runner.withPropertyValues("jray.enabled=false").withUserConfiguration(Greeter.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JRay.class).doesNotHaveBean(JRayNode.class)
                    .doesNotHaveBean(ValueCodec.class).doesNotHaveBean(EmbeddedRedisServer.class);
            Greeter greeter = context.getBean(Greeter.class);
            assertThat(AopUtils.isAopProxy(greeter)).isFalse();
            assertThat(greeter.greet(new Person("Di"))).isEqualTo(new Greeting("Hello, Di"));
        });
    }

    @Test
    void aNamespaceWithBracesFailsTheStartupNamingTheProperty() {
        withRedis().withPropertyValues("jray.namespace={bad}").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("jray.namespace").hasMessageContaining("{bad}"));
    }

    @Test
    void anUnreachableRedisFailsTheStartupNamingItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + closedPort,
                "spring.data.redis.connect-timeout=2s").run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("127.0.0.1").hasStackTraceContaining(Integer.toString(closedPort)));
    }

    @Test
    void aFinalRemoteTaskClassFailsTheStartupSayingItMustNotBeFinal() {
        withRedis().withUserConfiguration(FinalTasks.class).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining(FinalTasks.class.getName())
                .hasMessageContaining("must not be final"));
    }

    public record Person(String name) {
    }

    public record Greeting(String text) {
    }

    public record Envelope(Person to) {
    }

    @RemoteTask
    public static class Greeter {

        public Greeting greet(Person person) {
            return new Greeting("Hello, " + person.name());
        }
    }

    @RemoteTask
    public static final class FinalTasks {

        public int one() {
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        SerializationCustomizer envelopes() {
            return types -> types.register(Envelope.class);
        }

        @Bean
        SerializationCustomizer greetings() {
            return types -> types.register(Greeting.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RackIdentityConfiguration {

        @Bean
        NodeIdentity rackIdentity() {
            return new NodeIdentity("rack7node", "localhost", "rack-7", ProcessHandle.current().pid(),
                    Resources.parseShape("cpu=3"), true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingCodecConfiguration {

        @Bean
        ValueCodec countingCodec(ObjectRefType refs) {
            return new CountingCodec(ValueCodec.fory(List.of(), List.of(refs)));
        }
    }

    static final class CountingCodec implements ValueCodec {

        private final ValueCodec delegate;

        final AtomicInteger encoded = new AtomicInteger();

        CountingCodec(ValueCodec delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] encode(Object value) {
            encoded.incrementAndGet();
            return delegate.encode(value);
        }

        @Override
        public Object decode(byte[] bytes) {
            return delegate.decode(bytes);
        }

        @Override
        public Object decode(java.lang.foreign.MemorySegment memory) {
            return delegate.decode(memory);
        }

        @Override
        public Collection<String> registeredTypes() {
            return delegate.registeredTypes();
        }
    }
}
