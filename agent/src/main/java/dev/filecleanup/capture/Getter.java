package dev.filecleanup.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls one public no-argument method of Hibernate objects whose return type differs between lines:
 * {@code EntityAction.getSession()} returns {@code SharedSessionContractImplementor} in 5.6 and
 * {@code EventSource} from 6.0 on, {@code getId()} returns {@code Serializable} in 5.6 and {@code Object} later.
 * No single compiled call links on every line; a handle looked up once per class does. Used only for entities
 * with file attributes.
 */
final class Getter {
    static final Getter SESSION = new Getter("getSession");
    static final Getter ID = new Getter("getId");
    static final Getter TENANT = new Getter("getTenantIdentifier");

    private final ClassValue<MethodHandle> handles;

    private Getter(String method) {
        this.handles = new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> type) {
                try {
                    return MethodHandles.publicLookup()
                            .unreflect(type.getMethod(method))
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + " has no public " + method + "()", e);
                }
            }
        };
    }

    Object of(Object target) throws Throwable {
        return handles.get(target.getClass()).invokeExact(target);
    }
}
