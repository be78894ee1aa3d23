package io.jray.runtime.function;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

import io.jray.api.function.RemoteCallable;

/**
 * Finds the method behind a method reference such as {@code Tutorial::slow}, through the
 * {@link SerializedLambda} the compiler generates for serializable lambdas.
 */
final class MethodReferences {

    /**
     * What a method reference names.
     *
     * @param owner the class it was written against ({@code Tutorial} in {@code Tutorial::slow})
     * @param method the method, possibly declared by a superclass of the owner
     */
    record Reference(Class<?> owner, Method method) {
    }

    private MethodReferences() {
    }

    static Reference referenceOf(RemoteCallable function) {
        SerializedLambda lambda = serializedForm(function);
        int kind = lambda.getImplMethodKind();
        if (lambda.getImplMethodName().startsWith("lambda$")) {
            throw new IllegalArgumentException("a task must be a method reference such as Tutorial::slow, not a lambda "
                    + "expression (in " + lambda.getCapturingClass().replace('/', '.') + ")");
        }
        if (lambda.getCapturedArgCount() > 0 || (kind != MethodHandleInfo.REF_invokeVirtual
                && kind != MethodHandleInfo.REF_invokeInterface)) {
            throw new IllegalArgumentException("a task must be an unbound reference to an instance method, such as "
                    + "Tutorial::slow; " + lambda.getImplClass().replace('/', '.') + "::" + lambda.getImplMethodName()
                    + " is " + (lambda.getCapturedArgCount() > 0 ? "bound to an object" : "not an instance method"));
        }
        try {
            Class<?> owner = Class.forName(lambda.getImplClass().replace('/', '.'), false,
                    function.getClass().getClassLoader());
            for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
                for (Method method : k.getDeclaredMethods()) {
                    if (method.getName().equals(lambda.getImplMethodName())
                            && descriptor(method).equals(lambda.getImplMethodSignature())) {
                        return new Reference(owner, method);
                    }
                }
            }
            for (Method method : owner.getMethods()) {
                if (method.getName().equals(lambda.getImplMethodName())
                        && descriptor(method).equals(lambda.getImplMethodSignature())) {
                    return new Reference(owner, method);
                }
            }
        }
        catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot load " + lambda.getImplClass(), e);
        }
        throw new IllegalArgumentException("cannot find method " + lambda.getImplMethodName()
                + lambda.getImplMethodSignature() + " in " + lambda.getImplClass());
    }

    private static SerializedLambda serializedForm(RemoteCallable function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(function);
        }
        catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("a task must be a method reference such as Tutorial::slow, but got "
                    + function.getClass().getName(), e);
        }
    }

    private static String descriptor(Method method) {
        return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                .toMethodDescriptorString();
    }
}
