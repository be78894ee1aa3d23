package io.jray.runtime.function;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.jray.api.RemoteTask;
import io.jray.api.function.RemoteFunction1;
import io.jray.api.function.RemoteFunction2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How method references such as {@code Tutorial::add} name the functions of {@code @RemoteTask} beans. */
class FunctionRegistryTest {

    private final FunctionRegistry registry = new FunctionRegistry(null);

    @Test
    void aMethodReferenceResolvesToTheFunctionOfItsBean() {
        registry.add("tutorial", Tutorial.class);

        RegisteredFunction add = registry.resolve((RemoteFunction2<Tutorial, Integer, Integer, Integer>) Tutorial::add);

        assertThat(add.id()).isEqualTo(Tutorial.class.getName() + "#add(int,int)");
        assertThat(add.displayName()).isEqualTo("FunctionRegistryTest$Tutorial#add(int,int)");
        assertThat(add.beanName()).isEqualTo("tutorial");
        assertThat(add.beanClass()).isEqualTo(Tutorial.class);
        assertThat(add.method().getName()).isEqualTo("add");
        assertThat(registry.find(add.id())).isSameAs(add);
    }

    @Test
    void overloadsAreToldApartByTheirParameterTypes() {
        registry.add("tutorial", Tutorial.class);

        RegisteredFunction ints = registry.resolve((RemoteFunction2<Tutorial, Integer, Integer, Integer>) Tutorial::add);
        RegisteredFunction longs = registry.resolve((RemoteFunction2<Tutorial, Long, Long, Long>) Tutorial::add);

        assertThat(ints.id()).endsWith("#add(int,int)");
        assertThat(longs.id()).endsWith("#add(long,long)");
    }

    @Test
    void theRemoteFunctionsAreThePublicInstanceMethodsOnly() {
        registry.add("tutorial", Tutorial.class);

        assertThat(registry.functions()).extracting(RegisteredFunction::displayName).containsExactlyInAnyOrder(
                "FunctionRegistryTest$Tutorial#add(int,int)", "FunctionRegistryTest$Tutorial#add(long,long)",
                "FunctionRegistryTest$Tutorial#combine(io.jray.runtime.function.FunctionRegistryTest$Tutorial,int)",
                "FunctionRegistryTest$Tutorial#later(int)");
        assertThat(registry.methods()).hasSize(4);
    }

    @Test
    void aMethodInheritedByTheBeanClassResolvesToThatBean() {
        registry.add("derived", Derived.class);

        RegisteredFunction viaBase = registry.resolve((RemoteFunction1<Base, Integer, Integer>) Base::inherited);
        RegisteredFunction viaDerived = registry.resolve((RemoteFunction1<Derived, Integer, Integer>) Derived::inherited);

        assertThat(viaBase.id()).isEqualTo(Derived.class.getName() + "#inherited(int)");
        assertThat(viaDerived).isSameAs(viaBase);
        assertThat(viaBase.beanName()).isEqualTo("derived");
    }

    @Test
    void aLambdaIsRefusedAskingForAMethodReference() {
        registry.add("tutorial", Tutorial.class);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction1<Tutorial, Integer, Integer>) (t, x) -> t.add(x, 1)))
                .withMessageContaining("must be a method reference such as Tutorial::slow, not a lambda expression")
                .withMessageContaining(FunctionRegistryTest.class.getName());
    }

    @Test
    void aMethodOfAClassThatIsNoRemoteTaskBeanIsRefused() {
        registry.add("tutorial", Tutorial.class);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction1<Plain, Integer, Integer>) Plain::twice))
                .withMessageContaining(Plain.class.getName() + "::twice is not a method of a @RemoteTask bean")
                .withMessageContaining("annotate Plain with @RemoteTask");
    }

    @Test
    void aNonPublicMethodIsRefused() {
        registry.add("tutorial", Tutorial.class);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction1<Tutorial, Integer, Integer>) Tutorial::hidden))
                .withMessageContaining("::hidden is not a remote function");
    }

    @Test
    void aStaticMethodIsRefused() {
        registry.add("tutorial", Tutorial.class);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction1<Tutorial, Integer, Integer>) Tutorial::helper))
                .withMessageContaining("unbound reference to an instance method")
                .withMessageContaining("is not an instance method");
    }

    @Test
    void aReferenceBoundToAnObjectIsRefused() {
        registry.add("tutorial", Tutorial.class);
        Tutorial tutorial = new Tutorial();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction1<Tutorial, Integer, Integer>) tutorial::combine))
                .withMessageContaining("is bound to an object");
    }

    @Test
    void aClassImplementingTheFunctionInterfaceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> registry.resolve(new Handwritten()))
                .withMessageContaining("must be a method reference such as Tutorial::slow, but got "
                        + Handwritten.class.getName());
        assertThatIllegalArgumentException().isThrownBy(() -> registry.resolve(null))
                .withMessageContaining("must not be null");
    }

    @Test
    void twoBeansOfTheSameClassMakeAReferenceAmbiguous() {
        registry.add("first", Tutorial.class);
        registry.add("second", Tutorial.class);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> registry.resolve((RemoteFunction2<Tutorial, Integer, Integer, Integer>) Tutorial::add))
                .withMessageContaining("is ambiguous")
                .withMessageContaining("first")
                .withMessageContaining("second");
    }

    @Test
    void proxyCallsMapToFunctionsExceptForLocalMethods() throws Exception {
        registry.add("tutorial", Tutorial.class);

        assertThat(registry.forCall("tutorial", Tutorial.class.getMethod("add", int.class, int.class)))
                .isSameAs(registry.resolve((RemoteFunction2<Tutorial, Integer, Integer, Integer>) Tutorial::add));
        assertThat(registry.forCall("tutorial", Object.class.getMethod("toString"))).isNull();
        assertThat(registry.forCall("tutorial", Tutorial.class.getDeclaredMethod("hidden", int.class))).isNull();
        assertThat(registry.forCall("unknown", Tutorial.class.getMethod("add", int.class, int.class))).isNull();
    }

    @RemoteTask
    public static class Tutorial {

        public int add(int a, int b) {
            return a + b;
        }

        public long add(long a, long b) {
            return a + b;
        }

        public int combine(Tutorial other, int x) {
            return x;
        }

        public CompletableFuture<Integer> later(int x) {
            return CompletableFuture.completedFuture(x);
        }

        int hidden(int x) {
            return x;
        }

        public static int helper(Tutorial tutorial, int x) {
            return x;
        }
    }

    public static class Plain {

        public int twice(int x) {
            return 2 * x;
        }
    }

    public static class Base {

        public int inherited(int x) {
            return x + 1;
        }
    }

    @RemoteTask
    public static class Derived extends Base {
    }

    static final class Handwritten implements RemoteFunction1<Tutorial, Integer, Integer> {

        @Override
        public Integer apply(Tutorial target, Integer a0) {
            return a0;
        }
    }
}
