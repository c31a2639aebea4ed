package dev.filecleanup.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads the session of a Hibernate entity action. {@code EntityAction.getSession()} returns
 * {@code SharedSessionContractImplementor} in 5.6 and {@code EventSource} from 6.0 on, so no single compiled call
 * links on every line; a handle looked up once per action class does. It is only used for entities with file
 * attributes.
 */
final class ActionSession {
    private static final ClassValue<MethodHandle> GETTER = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup()
                        .unreflect(type.getMethod("getSession"))
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName() + " has no public getSession()", e);
            }
        }
    };

    private ActionSession() {
    }

    static Object of(Object action) throws Throwable {
        return GETTER.get(action.getClass()).invokeExact(action);
    }
}
