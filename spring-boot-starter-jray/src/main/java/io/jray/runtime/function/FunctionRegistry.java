package io.jray.runtime.function;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.jray.api.RemoteActor;
import io.jray.api.RemoteTask;
import io.jray.api.function.RemoteCallable;

/**
 * The remote functions of this application: every public instance method of every
 * {@link RemoteTask} bean and of every {@link RemoteActor} class, found from the bean definitions
 * before any bean exists (so the types of their signatures can be registered for serialization
 * early). Workers look functions up by id and run them on the bean itself, which
 * {@link RemoteTaskProxyPostProcessor} hands over before it wraps the bean in its dispatching
 * proxy, or on the actor instance.
 */
public final class FunctionRegistry {

    private final ListableBeanFactory beanFactory;
    private final Map<String, RegisteredFunction> byId = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> beanClasses = new ConcurrentHashMap<>();
    private final Map<String, Object> targets = new ConcurrentHashMap<>();
    private final Map<Class<?>, RegisteredFunction> resolved = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> actorClasses = new ConcurrentHashMap<>();
    private final Map<String, RegisteredFunction> actorMethods = new ConcurrentHashMap<>();

    /** A registry of the {@code @RemoteTask} beans defined in the bean factory. */
    public FunctionRegistry(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        if (beanFactory != null) {
            for (String name : beanFactory.getBeanNamesForAnnotation(RemoteTask.class)) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null) {
                    add(name, ClassUtils.getUserClass(type));
                }
            }
            for (String name : beanFactory.getBeanNamesForAnnotation(RemoteActor.class)) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null) {
                    addActor(name, ClassUtils.getUserClass(type));
                }
            }
        }
    }

    /** Adds the methods of a bean; the bean itself is {@linkplain #bindTarget bound} when it exists. */
    public void add(String beanName, Class<?> beanClass) {
        if (beanClasses.putIfAbsent(beanName, beanClass) != null) {
            return;
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(beanClass, FunctionRegistry::isRemote)) {
            String id = FunctionId.of(beanClass, method);
            byId.putIfAbsent(id, new RegisteredFunction(id, beanName, beanClass, method, () -> target(beanName)));
        }
    }

    /** Adds an actor class: its bean (a prototype) and its methods. */
    public void addActor(String beanName, Class<?> actorClass) {
        if (actorClasses.putIfAbsent(beanName, actorClass) != null) {
            return;
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(actorClass, FunctionRegistry::isRemote)) {
            String id = FunctionId.of(actorClass, method);
            actorMethods.putIfAbsent(id, new RegisteredFunction(id, beanName, actorClass, method, null));
        }
    }

    /** The bean name of a {@code @RemoteActor} class of this application, or {@code null}. */
    public String actorBean(String className) {
        for (Map.Entry<String, Class<?>> actor : actorClasses.entrySet()) {
            if (actor.getValue().getName().equals(className)) {
                return actor.getKey();
            }
        }
        return null;
    }

    /** The method of an actor class that a method reference names. */
    public RegisteredFunction resolveActorMethod(RemoteCallable function, Class<?> actorClass) {
        if (function == null) {
            throw new IllegalArgumentException("the method must not be null");
        }
        MethodReferences.Reference ref = MethodReferences.referenceOf(function);
        RegisteredFunction found = ref.owner().isAssignableFrom(actorClass)
                ? actorMethods.get(FunctionId.of(actorClass, ref.method())) : null;
        if (found == null) {
            throw new IllegalArgumentException(ref.owner().getName() + "::" + ref.method().getName() + " is not a "
                    + "public instance method of the @RemoteActor class " + actorClass.getName());
        }
        return found;
    }

    /** A new instance of an actor class (a prototype bean) made with the given constructor arguments. */
    public Object instantiateActor(String beanName, Object[] constructorArgs) {
        if (beanFactory == null) {
            throw new IllegalStateException("no bean factory to create actor '" + beanName + "' with");
        }
        return constructorArgs.length == 0 ? beanFactory.getBean(beanName) : beanFactory.getBean(beanName, constructorArgs);
    }

    /** The actor method with this id, or {@code null} when this application has none. */
    public RegisteredFunction findActorMethod(String id) {
        return actorMethods.get(id);
    }

    /** Every actor class, for type registration of its constructors. */
    public Collection<Class<?>> actorClasses() {
        return List.copyOf(actorClasses.values());
    }

    /** Binds the bean that runs the functions of {@code beanName}: the bean itself, not its proxy. */
    public void bindTarget(String beanName, Object bean) {
        add(beanName, ClassUtils.getUserClass(bean));
        targets.put(beanName, bean);
    }

    /** The function with this id, or {@code null} when this application has none. */
    public RegisteredFunction find(String id) {
        return byId.get(id);
    }

    /** The function a method reference names (cached per call site). */
    public RegisteredFunction resolve(RemoteCallable function) {
        if (function == null) {
            throw new IllegalArgumentException("the function must not be null");
        }
        RegisteredFunction known = resolved.get(function.getClass());
        if (known == null) {
            known = lookup(function);
            resolved.put(function.getClass(), known);
        }
        return known;
    }

    private RegisteredFunction lookup(RemoteCallable function) {
        MethodReferences.Reference ref = MethodReferences.referenceOf(function);
        List<Map.Entry<String, Class<?>>> beans = new ArrayList<>();
        beanClasses.entrySet().stream().filter(e -> ref.owner().isAssignableFrom(e.getValue())).forEach(beans::add);
        if (beans.isEmpty()) {
            throw new IllegalArgumentException(ref.owner().getName() + "::" + ref.method().getName()
                    + " is not a method of a @RemoteTask bean of this application: annotate "
                    + ref.owner().getSimpleName() + " with @RemoteTask and make it a bean");
        }
        if (beans.size() > 1) {
            throw new IllegalArgumentException(ref.owner().getName() + "::" + ref.method().getName()
                    + " is ambiguous: beans " + beans.stream().map(Map.Entry::getKey).toList() + " all have it; "
                    + "reference the method through the bean's own class");
        }
        RegisteredFunction found = byId.get(FunctionId.of(beans.getFirst().getValue(), ref.method()));
        if (found == null) {
            throw new IllegalArgumentException(ref.owner().getName() + "::" + ref.method().getName()
                    + " is not a remote function: only public instance methods of @RemoteTask beans are");
        }
        return found;
    }

    /** The function behind a call on the proxy of {@code beanName}, or {@code null} for local methods. */
    public RegisteredFunction forCall(String beanName, Method method) {
        Class<?> beanClass = beanClasses.get(beanName);
        return beanClass == null || !isRemote(method) ? null : byId.get(FunctionId.of(beanClass, method));
    }

    /** Every remote method, of tasks and actors, for type registration. */
    public Collection<Method> methods() {
        List<Method> methods = new ArrayList<>();
        byId.values().forEach(f -> methods.add(f.method()));
        actorMethods.values().forEach(f -> methods.add(f.method()));
        return methods;
    }

    public Collection<RegisteredFunction> functions() {
        return List.copyOf(byId.values());
    }

    private Object target(String beanName) {
        Object target = targets.get(beanName);
        if (target == null && beanFactory != null) {
            beanFactory.getBean(beanName);
            target = targets.get(beanName);
        }
        if (target == null) {
            throw new IllegalStateException("the @RemoteTask bean '" + beanName + "' has not been created");
        }
        return target;
    }

    static boolean isRemote(Method method) {
        int mods = method.getModifiers();
        return Modifier.isPublic(mods) && !Modifier.isStatic(mods) && !method.isBridge() && !method.isSynthetic()
                && method.getDeclaringClass() != Object.class;
    }
}
