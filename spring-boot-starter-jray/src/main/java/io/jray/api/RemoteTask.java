package io.jray.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a Spring bean whose public methods are remote functions: any node of the cluster that has
 * the same bean can run them as tasks.
 *
 * <pre>{@code
 * @RemoteTask
 * public class Tutorial {
 *     public int slow(int i) throws InterruptedException { Thread.sleep(1000); return i; }
 * }
 *
 * ObjectRef<Integer> ref = jray.task(Tutorial::slow, 7).remote();   // returns at once
 * int seven = jray.get(ref);
 * int eight = tutorial.slow(8);   // the injected bean is a proxy: runs remotely and waits
 * }</pre>
 *
 * The injected bean is a distributed proxy: a plain call submits a task and waits for its result,
 * and a method declared to return {@link java.util.concurrent.CompletableFuture} returns at once.
 * Calls that a worker makes to run a task go to the bean itself, never through the proxy again.
 * The types in the methods' signatures are registered for serialization automatically.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RemoteTask {

    /** The bean name, as for {@link Component#value()}. */
    @AliasFor(annotation = Component.class)
    String value() default "";
}
