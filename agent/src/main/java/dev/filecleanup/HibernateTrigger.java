package dev.filecleanup;

import dev.filecleanup.line.HibernateLine;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one transformer {@code premain} registers. It looks at class names only and uses JDK classes only, so a
 * JVM that never loads Hibernate pays a string test per class and never loads Byte Buddy. The first class of
 * a supported Hibernate line starts the agent on a thread of its own ({@code start}: the journal, the worker,
 * and Byte Buddy), while Hibernate goes on bootstrapping; the first advised class waits for it, and from then on
 * each advised class, and only those, goes through Byte Buddy.
 */
final class HibernateTrigger implements ClassFileTransformer {
    static final String SESSION_FACTORY = "org.hibernate.internal.SessionFactoryImpl";

    private static final String SESSION_FACTORY_FILE = SESSION_FACTORY.replace('.', '/');

    /** The types {@link Weaving} advises, in the JVM's internal form and the order Hibernate defines them. */
    static final List<String> ADVISED = List.of(SESSION_FACTORY_FILE,
            "org/hibernate/persister/collection/AbstractCollectionPersister",
            "org/hibernate/query/sqm/internal/SqmQueryImpl", "org/hibernate/query/sqm/internal/QuerySqmImpl",
            "org/hibernate/query/internal/AbstractProducedQuery",
            "org/hibernate/internal/AbstractSharedSessionContract",
            "org/hibernate/action/internal/EntityUpdateAction", "org/hibernate/action/internal/EntityDeleteAction",
            "org/hibernate/action/internal/CollectionUpdateAction",
            "org/hibernate/action/internal/CollectionRemoveAction", "org/hibernate/internal/StatelessSessionImpl");
    /**
     * The types advised only with {@code filecleanup.rollbackCleanup}: without it they are never handed to Byte
     * Buddy, so they cost nothing. They are woven with the same advice whenever they are woven, and the other
     * types' advice does not depend on the setting: a woven class kept by {@link WovenCache} serves both.
     */
    static final List<String> ROLLBACK_CLEANUP = List.of("org/hibernate/action/internal/EntityInsertAction",
            "org/hibernate/action/internal/EntityIdentityInsertAction");

    /** Far longer than a start takes; it only bounds a host whose class loading the start would wait for. */
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final List<String> advised;
    private final Set<String> advisedSet;
    private final FutureTask<ClassFileTransformer> start;
    private volatile PreparedClasses prepared;
    private final Map<ClassLoader, Boolean> unsupported = Collections.synchronizedMap(new WeakHashMap<>());
    /** The class loader of the Hibernate that started the agent; null until then. */
    private final AtomicReference<ClassLoader> started = new AtomicReference<>();

    /** What starts the agent, given the class loader of the Hibernate that triggered it (and of the application). */
    interface Start {
        /** The transformer of the advised types, or null when the agent must stay off. */
        ClassFileTransformer startWith(ClassLoader hibernate) throws Exception;
    }

    HibernateTrigger(Start start) {
        this(start, false);
    }

    /** {@code rollbackCleanup}: the {@link #ROLLBACK_CLEANUP} types are advised too. */
    HibernateTrigger(Start start, boolean rollbackCleanup) {
        this.advised = advised(rollbackCleanup);
        this.advisedSet = Set.copyOf(advised);
        this.start = new FutureTask<>(new Callable<>() {
            @Override
            public ClassFileTransformer call() throws Exception {
                ClassLoader loader = started.get();
                ClassFileTransformer advice = start.startWith(loader);
                if (advice != null) {
                    // Here, not on the start thread afterwards: a host thread that waited for the start must
                    // find the classes being prepared, or it would weave one that the start thread weaves again.
                    prepared = new PreparedClasses(loader, advised, advice);
                }
                return advice;
            }
        });
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !className.startsWith("org/hibernate/") || loader == null) {
            return null;
        }
        try {
            if (started.get() == null) {
                if (unsupported.containsKey(loader) || HibernateLine.of(loader) == null) {
                    unsupported.put(loader, Boolean.TRUE);
                    if (className.equals(SESSION_FACTORY_FILE)) {
                        warnIfUnsupported(loader);
                    }
                    return null;
                }
                if (started.compareAndSet(null, loader)) {
                    startOn();
                }
            }
            if (!advisedSet.contains(className)) {
                return null;
            }
            // Runs the start here if its thread has not begun yet; waits for it otherwise.
            start.run();
            ClassFileTransformer advice = start.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (advice == null) {
                return null;
            }
            PreparedClasses ready = prepared;
            PreparedClasses.Woven woven = ready == null ? null : ready.take(loader, className, classfileBuffer);
            return woven != null ? woven.bytes()
                    : advice.transform(module, loader, className, classBeingRedefined, protectionDomain,
                            classfileBuffer);
        } catch (Throwable t) {
            Log.error("could not instrument {}; file cleanup may be incomplete", className, t);
            return null;
        }
    }

    /** Starts the agent on a thread of its own, which then weaves ahead the advised classes of the starting loader. */
    private void startOn() {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                start.run();
                try {
                    start.get();
                    PreparedClasses classes = prepared;
                    if (classes != null) {
                        classes.prepareAll();
                    }
                } catch (Throwable t) {
                    Log.debug("the advised classes were not woven ahead: {}", t.toString());
                }
            }
        }, "file-cleanup-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The types advised: {@link #ADVISED}, and with {@code rollbackCleanup} the {@link #ROLLBACK_CLEANUP} ones. */
    static List<String> advised(boolean rollbackCleanup) {
        if (!rollbackCleanup) {
            return ADVISED;
        }
        List<String> all = new ArrayList<>(ADVISED);
        all.addAll(ROLLBACK_CLEANUP);
        return List.copyOf(all);
    }

    /** Once per class loader: a SessionFactory of a Hibernate that no line supports is not watched. */
    static void warnIfUnsupported(ClassLoader loader) {
        if (loader != null && HibernateLine.of(loader) == null && WARNED.add(String.valueOf(loader))) {
            Log.warn("the Hibernate ORM at {} is not a supported version (supported: {}); file cleanup is off "
                    + "for it", loader.getResource(SESSION_FACTORY_FILE + ".class"),
                    HibernateLine.SUPPORTED);
        }
    }
}
