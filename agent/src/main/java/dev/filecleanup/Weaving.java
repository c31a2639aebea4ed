package dev.filecleanup;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.filecleanup.line.HibernateLine;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The advice and where it goes: the only class that starts Byte Buddy. Types are matched by exact name and only
 * in class loaders where a supported Hibernate line is present. Every type named here is in
 * {@link HibernateTrigger#ADVISED}, which hands only those to Byte Buddy.
 */
final class Weaving {
    private static final String ADVICE = "dev.filecleanup.advice.";

    private Weaving() {
    }

    /**
     * For {@link HibernateTrigger}: a transformer it calls itself, for the advised types only, as they are defined.
     * Nothing is loaded yet, so nothing is retransformed.
     */
    static ClassFileTransformer raw(boolean rollbackCleanup) {
        return builder(rollbackCleanup).makeRaw();
    }

    /**
     * For a late attach and the in-process tests: installed on {@code instrumentation}, and the types already
     * loaded are retransformed; the returned transformer can undo it.
     */
    static ResettableClassFileTransformer weave(Instrumentation instrumentation, boolean rollbackCleanup) {
        return builder(rollbackCleanup).with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .installOn(instrumentation);
    }

    /**
     * {@code rollbackCleanup} adds the insert actions ({@link HibernateTrigger#ROLLBACK_CLEANUP}); the advice of
     * every other type is the same either way, so that the woven classes {@link WovenCache} keeps serve both.
     */
    private static AgentBuilder builder(boolean rollbackCleanup) {
        AgentBuilder builder = builder();
        if (!rollbackCleanup) {
            return builder;
        }
        return builder.type(hibernate("org.hibernate.action.internal.EntityInsertAction",
                        "org.hibernate.action.internal.EntityIdentityInsertAction"))
                .transform(advice(named("execute").and(takesArguments(0)), "EntityInsertAdvice"));
    }

    private static AgentBuilder builder() {
        // Type validation checks what javac already checked: off, it spares loading and running its visitors.
        return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                // Advice only rewrites the bodies of methods a type declares: decorating it needs no method graph
                // of its whole hierarchy, whose class files would all be parsed.
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new Problems())
                .ignore(nameStartsWith("dev.filecleanup.").or(nameStartsWith("net.bytebuddy.")))
                .type(hibernate(HibernateTrigger.SESSION_FACTORY))
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
                                ADVICE + "TransactionCompletionAdvice"));
    }

    /**
     * Matches one Hibernate class by name, and only then probes its class loader for a supported line: the
     * name test is all that every other class pays.
     */
    private static AgentBuilder.RawMatcher hibernate(String... typeNames) {
        List<String> names = List.of(typeNames);
        for (String name : names) {
            if (!HibernateTrigger.advised(true).contains(name.replace('.', '/'))) {
                // The trigger hands Byte Buddy the advised types only: one missing there would never be woven.
                throw new IllegalStateException(name + " is advised but missing from HibernateTrigger.ADVISED "
                        + "and ROLLBACK_CLEANUP");
            }
        }
        return (type, loader, module, classBeingRedefined, protectionDomain) ->
                names.contains(type.getName()) && HibernateLine.of(loader) != null;
    }

    /** Advice classes are read as class files, never loaded: they refer to Hibernate types. */
    private static AgentBuilder.Transformer.ForAdvice advice(
            ElementMatcher<? super MethodDescription> methods, String adviceClass) {
        return new AgentBuilder.Transformer.ForAdvice()
                .include(Weaving.class.getClassLoader())
                .advice(methods, ADVICE + adviceClass);
    }

    /** Reports instrumentation failures, and (on a late attach) a Hibernate of an unsupported line. */
    private static final class Problems extends AgentBuilder.Listener.Adapter {
        @Override
        public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
            if (HibernateTrigger.SESSION_FACTORY.equals(typeName)) {
                HibernateTrigger.warnIfUnsupported(loader);
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
