package dev.filecleanup.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls one public no-argument method of Hibernate objects whose return type differs between lines:
 * {@code EntityAction.getSession()} returns {@code SharedSessionContractImplementor} in 5.6 and
 * {@code EventSource} from 6.0 on, {@code getId()} returns {@code Serializable} in 5.6 and {@code Object} later.
 * No single compiled call links on every line; a handle looked up once per class does. Used for entities with
 * file values, and for the first delete of each other entity, when its database cascades are looked up.
 */
final class Getter {
    static final Getter SESSION = new Getter("getSession");
    static final Getter ID = new Getter("getId");
    /** The session of an HQL query: {@code getSession()} from 6.0 on, {@code getProducer()} on 5.6. */
    static final Getter QUERY_SESSION = new Getter("getSession", "getProducer");
    /** A session's SessionFactory: {@code SessionFactoryImplementor} on every line. */
    static final Getter FACTORY = new Getter("getFactory");
    /** The tenant as the application's provider knows it: from 6.4 on an object, before that its String form. */
    static final Getter TENANT = new Getter("getTenantIdentifierValue", "getTenantIdentifier");

    /**
     * The protected getters of Hibernate's collection actions, declared on their common superclass
     * {@code CollectionAction}; {@code getSession()} returns another type on 5.6 there too.
     */
    static final Getter ACTION_PERSISTER = Getter.protectedOne("getPersister");
    static final Getter ACTION_COLLECTION = Getter.protectedOne("getCollection");
    static final Getter ACTION_SESSION = Getter.protectedOne("getSession");

    private final ClassValue<MethodHandle> handles;

    /** {@code methods}: the public methods to try, the first one a class has wins. */
    private Getter(String... methods) {
        this.handles = new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> type) {
                for (String method : methods) {
                    for (Class<?> owner : owners(type)) {
                        try {
                            return MethodHandles.publicLookup()
                                    .unreflect(owner.getMethod(method))
                                    .asType(MethodType.methodType(Object.class, Object.class));
                        } catch (ReflectiveOperationException e) {
                            // not there, or declared where we may not call it: try the next owner
                        }
                    }
                }
                throw new IllegalStateException(type.getName() + " has no public " + String.join(" or ", methods)
                        + "()");
            }
        };
    }

    private Getter(ClassValue<MethodHandle> handles) {
        this.handles = handles;
    }

    /**
     * A method declared by the class or a superclass, whatever its access: Hibernate's classes are in unnamed
     * modules, which are open to reflection.
     */
    private static Getter protectedOne(String method) {
        return new Getter(new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> type) {
                for (Class<?> owner = type; owner != null; owner = owner.getSuperclass()) {
                    try {
                        Method declared = owner.getDeclaredMethod(method);
                        declared.setAccessible(true);
                        return MethodHandles.lookup().unreflect(declared)
                                .asType(MethodType.methodType(Object.class, Object.class));
                    } catch (NoSuchMethodException e) {
                        // declared further up
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot call " + owner.getName() + "." + method + "()", e);
                    }
                }
                throw new IllegalStateException(type.getName() + " has no " + method + "()");
            }
        });
    }

    /** The class itself, then its interfaces: a method may be public only through an interface. */
    private static List<Class<?>> owners(Class<?> type) {
        Set<Class<?>> owners = new LinkedHashSet<>();
        owners.add(type);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            addInterfaces(c, owners);
        }
        return List.copyOf(owners);
    }

    private static void addInterfaces(Class<?> type, Set<Class<?>> owners) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (owners.add(implemented)) {
                addInterfaces(implemented, owners);
            }
        }
    }

    Object of(Object target) throws Throwable {
        return handles.get(target.getClass()).invokeExact(target);
    }
}
