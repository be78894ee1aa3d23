package io.jray.runtime.function;

import java.lang.reflect.Method;
import java.util.StringJoiner;

/**
 * Names a remote function in a way every node of the same application computes alike: the bean
 * class, the method name and its parameter types, such as {@code com.example.Tutorial#add(int,int)}.
 */
public final class FunctionId {

    private FunctionId() {
    }

    public static String of(Class<?> beanClass, Method method) {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            params.add(type.getTypeName());
        }
        return beanClass.getName() + "#" + method.getName() + params;
    }

    /** The id without the package, for messages: {@code Tutorial#add(int,int)}. */
    public static String shortName(String functionId) {
        int hash = functionId.indexOf('#');
        int dot = functionId.lastIndexOf('.', hash < 0 ? functionId.length() : hash);
        return dot < 0 ? functionId : functionId.substring(dot + 1);
    }
}
