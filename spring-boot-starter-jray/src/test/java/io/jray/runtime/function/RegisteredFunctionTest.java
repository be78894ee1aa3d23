package io.jray.runtime.function;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.jray.api.RemoteTask;
import io.jray.api.function.RemoteFunction1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How a worker runs a function: on the bound bean itself, with its exceptions as they were thrown. */
class RegisteredFunctionTest {

    private final FunctionRegistry registry = new FunctionRegistry(null);

    @Test
    void invokeRunsTheMethodOnTheBoundBean() throws Exception {
        registry.bindTarget("calc", new Calc(10));

        RegisteredFunction plus = registry.resolve((RemoteFunction1<Calc, Integer, Integer>) Calc::plus);

        assertThat(plus.isAsync()).isFalse();
        assertThat(plus.invoke(new Object[] {5})).isEqualTo(15);
    }

    @Test
    void anAsynchronousMethodIsAwaitedAndItsValueReturned() throws Exception {
        registry.bindTarget("calc", new Calc(1));

        RegisteredFunction later = registry.resolve((RemoteFunction1<Calc, Integer, CompletableFuture<Integer>>) Calc::later);

        assertThat(later.isAsync()).isTrue();
        assertThat(later.invoke(new Object[] {41})).isEqualTo(42);
    }

    @Test
    void exceptionsOfTheMethodAreRethrownAsTheyWere() {
        registry.bindTarget("calc", new Calc(1));
        RegisteredFunction fail = registry.resolve((RemoteFunction1<Calc, String, Integer>) Calc::fail);
        RegisteredFunction failLater = registry.resolve(
                (RemoteFunction1<Calc, String, CompletableFuture<Integer>>) Calc::failLater);

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> fail.invoke(new Object[] {"disk"}))
                .withMessage("disk");
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> failLater.invoke(new Object[] {"late"}))
                .withMessage("late");
    }

    @Test
    void aFunctionWhoseBeanWasNeverCreatedCannotRun() {
        registry.add("calc", Calc.class);
        RegisteredFunction plus = registry.resolve((RemoteFunction1<Calc, Integer, Integer>) Calc::plus);

        assertThatIllegalStateException().isThrownBy(() -> plus.invoke(new Object[] {1}))
                .withMessageContaining("the @RemoteTask bean 'calc' has not been created");
    }

    @RemoteTask
    public static class Calc {

        private final int base;

        public Calc(int base) {
            this.base = base;
        }

        public int plus(int x) {
            return base + x;
        }

        public CompletableFuture<Integer> later(int x) {
            return CompletableFuture.supplyAsync(() -> base + x);
        }

        public int fail(String message) throws IOException {
            throw new IOException(message);
        }

        public CompletableFuture<Integer> failLater(String message) {
            return CompletableFuture.failedFuture(new IllegalStateException(message));
        }
    }
}
