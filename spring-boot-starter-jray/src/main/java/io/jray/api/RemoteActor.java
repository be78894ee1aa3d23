package io.jray.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a class whose instances are actors: stateful objects that live on one node of the cluster
 * and run their methods one at a time, called through {@link ActorHandle}s that can be passed to
 * tasks and other actors.
 *
 * <pre>{@code
 * @RemoteActor
 * public class Counter {
 *     private int value;
 *     public int increment() { return ++value; }
 * }
 *
 * ActorHandle<Counter> counter = jray.actor(Counter.class).name("counter").remote();
 * ObjectRef<Integer> one = counter.task(Counter::increment).remote();
 * }</pre>
 *
 * Actors are prototype beans: each is created by the node that hosts it, with the constructor
 * arguments given to {@link JRay#actor}, and may have other beans injected into its fields. The
 * types of its public methods' signatures are registered for serialization automatically.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface RemoteActor {

    /** The bean name, as for {@link Component#value()}. */
    @AliasFor(annotation = Component.class)
    String value() default "";
}
