package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overloaded remote functions are referenced without casts when their arity tells them apart (for a
 * bean's methods through {@code jray.tasks(Words.class)}, which names the class an overloaded
 * method reference cannot): this class compiling is half the test.
 */
class OverloadedFunctionsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    @Test
    void overloadsOfDifferentArityAreReferencedWithoutCastsAndRunTheirOwnMethod() {
        redis.node().withUserConfiguration(Words.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            TaskFunctions<Words> words = jray.tasks(Words.class);
            ObjectRef<Integer> once = words.task(Words::len, "hello").remote();
            ObjectRef<Integer> thrice = words.task(Words::len, "hello", 3).remote();
            ObjectRef<String> word = jray.put("abc");

            assertThat(once.get(TIMEOUT)).isEqualTo(5);
            assertThat(thrice.get(TIMEOUT)).isEqualTo(15);
            assertThat(words.task(Words::len, word).remote().get(TIMEOUT)).as("an overload taking a ref").isEqualTo(3);
            assertThat(words.task(Words::len, word, 2).remote().get(TIMEOUT)).isEqualTo(6);
            assertThat(jray.task(Words::shout, "hi").remote().get(TIMEOUT)).as("a method without overloads")
                    .isEqualTo("HI");
        });
    }

    @Test
    void anActorsOverloadedMethodsAreReferencedWithoutCasts() {
        redis.node().withUserConfiguration(Counter.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            var counter = jray.actor(Counter.class).remote();
            assertThat(counter.task(Counter::add, 4).remote().get(TIMEOUT)).isEqualTo(4);
            assertThat(counter.task(Counter::add, 4, 2).remote().get(TIMEOUT)).isEqualTo(12);
        });
    }
}
