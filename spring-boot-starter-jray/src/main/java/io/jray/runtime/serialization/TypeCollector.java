package io.jray.runtime.serialization;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.jray.api.TypeRegistrar;

/**
 * Collects the types to register for serialization: the parameter and return types of remote
 * methods, and, for each application class among them, the types of its fields, recursively. JDK
 * types are left to Fory's own registrations, which cover the common value and collection types.
 * Interfaces and abstract classes cannot be followed to their implementations: register those
 * explicitly.
 */
public final class TypeCollector implements TypeRegistrar {

    private final Set<Class<?>> types = new LinkedHashSet<>();
    private final Set<Class<?>> skipped;

    /** @param skipped types jray serializes itself (never registered with Fory directly) */
    public TypeCollector(Collection<Class<?>> skipped) {
        this.skipped = Set.copyOf(skipped);
    }

    @Override
    public TypeCollector register(Class<?>... classes) {
        for (Class<?> type : classes) {
            add(type);
        }
        return this;
    }

    /** Adds the generic parameter and return types of a method. */
    public TypeCollector addSignature(Method method) {
        addParameters(method);
        add(method.getGenericReturnType());
        return this;
    }

    /** Adds the generic parameter types of a method or constructor. */
    public TypeCollector addParameters(Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            add(parameter);
        }
        return this;
    }

    public Set<Class<?>> types() {
        return Set.copyOf(types);
    }

    private void add(Type type) {
        switch (type) {
            case Class<?> c -> addClass(c);
            case ParameterizedType p -> {
                add(p.getRawType());
                for (Type arg : p.getActualTypeArguments()) {
                    add(arg);
                }
            }
            case GenericArrayType a -> add(a.getGenericComponentType());
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    add(bound);
                }
            }
            case TypeVariable<?> v -> {
                for (Type bound : v.getBounds()) {
                    add(bound);
                }
            }
            default -> {
            }
        }
    }

    private void addClass(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || c == Object.class || c == Void.class || skipped.contains(c) || isJdk(c)
                || c.isAnnotation() || c.isSynthetic()) {
            return;
        }
        if (!types.add(c)) {
            return;
        }
        if (c.isEnum() || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class && !isJdk(k); k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (!Modifier.isStatic(mods) && !Modifier.isTransient(mods)) {
                    add(field.getGenericType());
                }
            }
        }
    }

    private static boolean isJdk(Class<?> c) {
        String name = c.getName();
        // why: reactor.core.publisher holds Mono, a result's wrapper that never travels itself
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("reactor.core.publisher.");
    }
}
