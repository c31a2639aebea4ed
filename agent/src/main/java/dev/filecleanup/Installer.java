package dev.filecleanup;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import dev.filecleanup.journal.Journals;
import dev.filecleanup.line.HibernateLine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the advice. Types are matched by exact name and only in class loaders where a supported Hibernate
 * line is present; a Hibernate of another version gets one warning and no instrumentation.
 */
final class Installer {
    private static final String SESSION_FACTORY = "org.hibernate.internal.SessionFactoryImpl";
    private static final String ADVICE = "dev.filecleanup.advice.";

    private Installer() {
    }

    static void install(AgentConfig config, Instrumentation instrumentation, boolean late) {
        Log.configure(config.logLevel());
        if (!config.enabled()) {
            Log.info("hibernate-file-cleanup {} disabled (filecleanup.enabled=false): nothing installed", version());
            return;
        }
        if (config.roots().isEmpty()) {
            Log.warn("hibernate-file-cleanup {}: no storage roots configured (filecleanup.roots), so nothing will "
                    + "ever be deleted; nothing installed", version());
            return;
        }
        Journal journal;
        try {
            journal = Journals.open(config);
        } catch (IOException e) {
            Log.error("hibernate-file-cleanup {}: the journal cannot be used, so nothing is installed: {}", version(),
                    e.getMessage());
            return;
        }
        FileCleanup cleanup = new FileCleanup(config, journal);
        Hooks.install(cleanup);
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::shutdown, "file-cleanup-shutdown"));
        weave(instrumentation);
        Log.info("hibernate-file-cleanup {} installed on Java {}: roots {}, journal {}{}", version(),
                Runtime.version().feature(), config.roots(), journal,
                config.dryRun() ? ", dry run (nothing is deleted)" : "");
        config.warnings().forEach(warning -> Log.warn("{}", warning));
        if (late) {
            Log.warn("attached to a running JVM: SessionFactories built before now are not watched");
        }
    }

    /** Weaves the advice; the returned transformer can undo it, which the in-process tests do. */
    static ResettableClassFileTransformer weave(Instrumentation instrumentation) {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new Problems())
                .ignore(nameStartsWith("dev.filecleanup.").or(nameStartsWith("net.bytebuddy.")))
                .type(hibernate(SESSION_FACTORY))
                .transform(advice(isConstructor(), "SessionFactoryCreatedAdvice")
                        .advice(named("close").and(takesArguments(0)), ADVICE + "SessionFactoryCloseAdvice"))
                .type(hibernate("org.hibernate.action.internal.EntityDeleteAction"))
                .transform(advice(named("execute").and(takesArguments(0)), "EntityDeleteAdvice"))
                .type(hibernate("org.hibernate.action.internal.EntityUpdateAction"))
                .transform(advice(named("execute").and(takesArguments(0)), "EntityUpdateAdvice"))
                .type(hibernate("org.hibernate.action.internal.CollectionRemoveAction",
                        "org.hibernate.action.internal.CollectionUpdateAction"))
                .transform(advice(named("execute").and(takesArguments(0)), "CollectionActionAdvice"))
                .type(hibernate("org.hibernate.persister.collection.AbstractCollectionPersister"))
                .transform(advice(named("remove").and(takesArguments(2)), "CollectionRowsDeleteAdvice"))
                .type(hibernate("org.hibernate.query.sqm.internal.QuerySqmImpl",
                        "org.hibernate.query.sqm.internal.SqmQueryImpl",
                        "org.hibernate.query.internal.AbstractProducedQuery"))
                .transform(advice(named("doExecuteUpdate").and(takesArguments(0)), "BulkStatementAdvice"))
                .type(hibernate("org.hibernate.internal.StatelessSessionImpl"))
                .transform(advice(namedOneOf("delete", "update", "upsert").and(takesArguments(String.class,
                                Object.class)), "StatelessWriteAdvice")
                        // Its completions do not call AbstractSharedSessionContract's, advised below: both are.
                        .advice(named("beforeTransactionCompletion").and(takesArguments(0)),
                                ADVICE + "TransactionCommittingAdvice")
                        .advice(named("afterTransactionCompletion").and(takesArguments(boolean.class, boolean.class)),
                                ADVICE + "TransactionCompletionAdvice"))
                .type(hibernate("org.hibernate.internal.AbstractSharedSessionContract"))
                .transform(advice(named("startTransactionBoundary").and(takesArguments(0)), "TransactionBeginAdvice")
                        .advice(named("beforeTransactionCompletion").and(takesArguments(0)),
                                ADVICE + "TransactionCommittingAdvice")
                        .advice(named("afterTransactionCompletion").and(takesArguments(boolean.class, boolean.class)),
                                ADVICE + "TransactionCompletionAdvice"))
                .installOn(instrumentation);
    }

    /**
     * Matches one Hibernate class by name, and only then probes its class loader for a supported line: the
     * name test is all that every other class loaded by the host pays.
     */
    private static AgentBuilder.RawMatcher hibernate(String... typeNames) {
        List<String> names = List.of(typeNames);
        return (type, loader, module, classBeingRedefined, protectionDomain) ->
                names.contains(type.getName()) && HibernateLine.of(loader) != null;
    }

    /** Advice classes are read as class files, never loaded: they refer to Hibernate types. */
    private static AgentBuilder.Transformer.ForAdvice advice(
            ElementMatcher<? super MethodDescription> methods, String adviceClass) {
        return new AgentBuilder.Transformer.ForAdvice()
                .include(Installer.class.getClassLoader())
                .advice(methods, ADVICE + adviceClass);
    }

    static String version() {
        try (InputStream in = Installer.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | RuntimeException e) {
            return "(unknown version)";
        }
    }

    /** Reports instrumentation failures, and a Hibernate of an unsupported line once per class loader. */
    private static final class Problems extends AgentBuilder.Listener.Adapter {
        private final Set<String> warned = ConcurrentHashMap.newKeySet();

        @Override
        public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
            if (SESSION_FACTORY.equals(typeName) && HibernateLine.of(loader) == null
                    && warned.add(String.valueOf(loader))) {
                Log.warn("the Hibernate ORM at {} is not a supported version (supported: {}); file cleanup is off "
                        + "for it", loader == null ? null : loader.getResource(SESSION_FACTORY.replace('.', '/')
                        + ".class"), HibernateLine.SUPPORTED);
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            Log.error("could not instrument {}; file cleanup may be incomplete", typeName, error);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            Log.debug("instrumented {}", type.getName());
        }
    }
}
