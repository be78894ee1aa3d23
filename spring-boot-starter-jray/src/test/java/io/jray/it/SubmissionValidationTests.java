package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.function.RemoteFunction1;
import io.jray.api.function.RemoteFunction2;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Calls that cannot run are refused by {@code remote()} itself, with a message naming the function. */
class SubmissionValidationTests {

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class);
    }

    @Test
    void theWrongNumberOfArgumentsIsRefused() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            RemoteFunction2<Arithmetic, Integer, Integer, Integer> add = Arithmetic::add;

            assertThatIllegalArgumentException().isThrownBy(() -> jray.newTaskCall(add, 1).remote())
                    .withMessageContaining("Arithmetic#add(int,int) takes 2 argument(s) but was given 1");
        });
    }

    @Test
    void anArgumentOfTheWrongTypeIsRefused() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            RemoteFunction2<Arithmetic, Integer, Integer, Integer> add = Arithmetic::add;

            assertThatIllegalArgumentException().isThrownBy(() -> jray.newTaskCall(add, 1, "two").remote())
                    .withMessageContaining("argument 1 of Arithmetic#add(int,int) must be a int")
                    .withMessageContaining("java.lang.String");
            assertThatIllegalArgumentException().isThrownBy(() -> jray.newTaskCall(add, null, 2).remote())
                    .withMessageContaining("argument 0 of Arithmetic#add(int,int)")
                    .withMessageContaining("was null");
        });
    }

    @Test
    void anObjectRefNotMadeByJrayIsRefused() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> foreign = new ForeignRef();

            assertThatIllegalArgumentException().isThrownBy(() -> jray.task(Arithmetic::square, foreign).remote())
                    .withMessageContaining("is an ObjectRef that jray did not make")
                    .withMessageContaining(ForeignRef.class.getName());
            assertThatIllegalArgumentException().isThrownBy(() -> jray.get(foreign))
                    .withMessageContaining("not an ObjectRef made by jray");
        });
    }

    @Test
    void aLambdaIsRefusedAtSubmit() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            RemoteFunction1<Arithmetic, Integer, Integer> lambda = (arithmetic, x) -> arithmetic.square(x) + 1;

            assertThatIllegalArgumentException().isThrownBy(() -> jray.task(lambda, 3).remote())
                    .withMessageContaining("not a lambda expression");
        });
    }

    @Test
    void aMethodOfAClassThatIsNoBeanOfThisApplicationIsRefusedAtSubmit() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThatIllegalArgumentException().isThrownBy(() -> jray.task(RefTasks::sum, List.<ObjectRef<Integer>>of())
                    .remote()).withMessageContaining("is not a method of a @RemoteTask bean of this application");
        });
    }

    /** An ObjectRef from elsewhere: jray cannot resolve it. */
    static final class ForeignRef implements ObjectRef<Integer> {

        @Override
        public String id() {
            return "foreign/1";
        }

        @Override
        public Integer get() {
            return 1;
        }

        @Override
        public Integer get(Duration timeout) {
            return 1;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public CompletableFuture<Integer> toFuture() {
            return CompletableFuture.completedFuture(1);
        }
    }
}
