package dev.filecleanup.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls a public method by name and number of arguments, for the Hibernate methods whose parameter or return
 * types differ between lines, so that no compiled call could link on all of them.
 */
public final class PublicMethods {

    private PublicMethods() {
    }

    /**
     * Calls {@code name} on {@code target}, looked up on {@code api}: the implementation may be a class the agent
     * cannot access. A runtime exception of the method is rethrown as it is; anything else becomes an
     * {@link IllegalStateException}.
     */
    public static Object call(Class<?> api, Object target, String name, Object... arguments) {
        for (Method method : api.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                try {
                    return method.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(api.getName() + " has no public method " + name + " with "
                + arguments.length + " argument(s)");
    }

    /** Whether {@code api} has a public method called {@code name}. */
    public static boolean has(Class<?> api, String name) {
        for (Method method : api.getMethods()) {
            if (method.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
