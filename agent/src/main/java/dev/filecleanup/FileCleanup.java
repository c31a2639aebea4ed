package dev.filecleanup;

import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.capture.SessionTransactions;
import dev.filecleanup.catalog.AttributeCatalog;
import dev.filecleanup.catalog.FactoryModel;
import dev.filecleanup.catalog.FactoryWatch;
import dev.filecleanup.catalog.FileColumn;
import dev.filecleanup.cleanup.Counters;
import dev.filecleanup.cleanup.DeletionQueue;
import dev.filecleanup.cleanup.RollbackChecks;
import dev.filecleanup.config.AgentConfig;
import dev.filecleanup.journal.Journal;
import dev.filecleanup.line.HibernateLine;
import dev.filecleanup.management.AgentState;
import dev.filecleanup.management.Management;
import dev.filecleanup.sweep.Sweeper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running agent: ties the stages together (catalogue, capture, hand-off, cleanup). One instance per JVM,
 * created by {@link Installer}; advice reaches it through {@link Hooks}, and what it captures through
 * {@link #routes()}.
 */
final class FileCleanup implements AgentState {
    private final AgentConfig config;
    private final Counters counters = new Counters();
    private final Map<Object, Watched> factories = new ConcurrentHashMap<>();
    private final Set<String> matchedSelectors = ConcurrentHashMap.newKeySet();
    private final DeletionQueue queue;
    private final SessionTransactions transactions;
    /** With {@code filecleanup.rollbackCleanup} only; null without it. */
    private final RollbackChecks rollbackChecks;
    private final CaptureRoutes routes;
    private final Journal journal;
    private final Sweeper sweeper;
    private Management management;

    FileCleanup(AgentConfig config, Journal journal) {
        this.config = config;
        this.journal = journal;
        this.queue = new DeletionQueue(config.roots(), config.dryRun(), config.retryAttempts(), config.retryDelay(),
                counters, journal, config.queueCapacity(), config.replayDelay(), config.journalPoll());
        boolean rollbackCleanup = config.rollbackCleanup() != null;
        // The two refer to each other: rollbacks go to the checks, which ask about transactions in progress.
        this.transactions = new SessionTransactions(journal, queue::submit,
                rollbackCleanup ? this::rolledBack : null);
        this.rollbackChecks = rollbackCleanup ? new RollbackChecks(config.rollbackCleanup(), config.queueCapacity(),
                queue::submitRolledBack, counters, config.roots(), transactions::writtenInProgress) : null;
        this.routes = new CaptureRoutes(transactions, rollbackChecks != null);
        this.sweeper = new Sweeper(config.sweep(), queue.references(), config.replayDelay());
    }

    /** Rollback cleanup: a transaction that did not commit wrote {@code files}. */
    private void rolledBack(List<ReleasedFile> files) {
        rollbackChecks.rolledBack(files);
    }

    /** Shows this agent to operators: the MBean now, meters as SessionFactories appear. */
    void manage(Management management) {
        this.management = management;
    }

    void sessionFactoryCreated(Object sessionFactory) throws ReflectiveOperationException {
        ClassLoader loader = sessionFactory.getClass().getClassLoader();
        HibernateLine line = HibernateLine.of(loader);
        if (line != null) {
            watch(sessionFactory, line, line.newReader(loader).read(sessionFactory));
        }
    }

    /** Catalogues one SessionFactory's model; separate from reading it, so that tests can bring their own. */
    void watch(Object sessionFactory, HibernateLine line, FactoryModel model) {
        FactoryWatch watch = AttributeCatalog.build(model, config.attributes(), config.excludes());
        // A selector for another persistence unit's entities is no mistake: it is reported only while no
        // factory built so far has used it.
        matchedSelectors.addAll(watch.matched());
        watch.unmatched().forEach((selector, problem) -> {
            if (!matchedSelectors.contains(selector)) {
                Log.warn("SessionFactory '{}': {}", watch.name(), problem);
            }
        });
        Log.info("Hibernate {} (line {}), SessionFactory '{}': watching {}", watch.version(), line.id(),
                watch.name(), watch.watched().isEmpty() ? "no file attributes" : String.join(", ", watch.watched()));
        Log.debug("SessionFactory '{}': reference columns {}", watch.name(),
                watch.columns().stream().map(FileColumn::label).toList());
        if (!watch.columns().isEmpty()) {
            // The columns first: a file is never captured from a factory whose rows are not yet read by the check.
            journal.watch(sessionFactory, watch.name(), model);
            queue.watch(sessionFactory, watch.name(), model, watch.columns());
            factories.put(sessionFactory, new Watched(watch, model));
            routes.add(sessionFactory, watch, model);
            sweeper.factoryBuilt();
        }
        if (management != null) {
            management.watch(sessionFactory.getClass().getClassLoader());
        }
    }

    /**
     * A factory closes. Its rows still protect their files: if its connections close with it, the pending
     * checks that need them run first, within the configured bound.
     */
    void sessionFactoryClosing(Object sessionFactory) {
        Watched watched = factories.remove(sessionFactory);
        if (watched == null) {
            return;
        }
        if (!watched.model().outlivesFactory() && !queue.awaitIdle(config.shutdownTimeout())) {
            Log.warn("SessionFactory '{}' closed with deletions still pending; their files are kept",
                    watched.watch().name());
        }
        queue.closed(sessionFactory);
        journal.closed(sessionFactory);
        routes.remove(sessionFactory, watched.watch());
    }

    private record Watched(FactoryWatch watch, FactoryModel model) {
    }

    CaptureRoutes routes() {
        return routes;
    }

    SessionTransactions transactions() {
        return transactions;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public long pendingFiles() {
        return queue.pendingFiles();
    }

    @Override
    public Map<String, List<String>> watchedAttributes() {
        Map<String, List<String>> watched = new TreeMap<>();
        factories.values().forEach(factory -> watched.put(factory.watch().name(), factory.watch().watched()));
        return watched;
    }

    @Override
    public boolean drain() {
        return queue.awaitIdle(config.shutdownTimeout());
    }

    /**
     * Runs an orphan sweep now, in the configured mode, and returns its outcome line: for the MBean's operation.
     * Waits for the sweep, which goes at {@code filecleanup.sweep.rate}.
     */
    @Override
    public String sweepNow() {
        return sweeper.runNow();
    }

    @Override
    public String lastSweep() {
        return sweeper.last();
    }

    /** At JVM exit: finish what is pending, within the configured bound, and summarise what there is. */
    void shutdown() {
        sweeper.stop();
        if (rollbackChecks != null) {
            // Only those due: the rest would hold the exit for up to the whole delay.
            rollbackChecks.exiting();
        }
        if (!queue.awaitIdle(config.shutdownTimeout())) {
            Log.warn("{} transaction(s) still pending at exit after {}s; {}", queue.pending(),
                    config.shutdownTimeout().toSeconds(), journal == Journal.NONE ? "their files are kept"
                            : "their files wait in the journal " + journal + " for the next start");
        }
        journal.close();
        if (counters.any()) {
            Log.info("summary: {}", counters.summary(config.dryRun()));
        }
    }
}
