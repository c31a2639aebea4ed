package dev.filecleanup.journal;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.capture.StateCapture;
import dev.filecleanup.catalog.FactoryModel;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The transactional outbox, for nodes that share a database: each SessionFactory's released values are rows of
 * a table in its own database, written by the releasing transaction itself. There is no moment at which a
 * committed release is not recorded, and any node can finish the work of one that died. The deletion worker
 * drains the tables: {@link #replay} claims rows, the queue settles them, {@link #roundDone} applies the outcomes.
 * Multi-tenant factories are left out: their rows would be spread over the tenants' databases.
 */
public final class TableJournal implements Journal {
    private final String table;
    private final boolean createTable;
    private final long leaseMillis;
    private final Map<Object, Outbox> outboxes = new ConcurrentHashMap<>();
    private final List<Claim> claims = new ArrayList<>();

    public TableJournal(String table, boolean createTable, Duration lease) {
        this.table = table;
        this.createTable = createTable;
        this.leaseMillis = lease.toMillis();
    }

    @Override
    public void watch(Object sessionFactory, String name, FactoryModel model) {
        if (model.multiTenant()) {
            Log.warn("SessionFactory '{}' is multi-tenant: the table journal does not cover it, and its released "
                    + "files are held in memory only", name);
            return;
        }
        Outbox outbox = Outbox.open(table, name, model, createTable);
        if (outbox != null) {
            outboxes.put(sessionFactory, outbox);
        }
    }

    /** A factory whose connections outlive it (a DataSource) is still drained, at exit among others. */
    @Override
    public void closed(Object sessionFactory) {
        Outbox outbox = outboxes.get(sessionFactory);
        if (outbox != null && !outbox.model().outlivesFactory()) {
            outboxes.remove(sessionFactory);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public long[] committing(Object session, List<ReleasedFile> files) {
        try {
            Outbox outbox = outboxes.get(StateCapture.factoryOf(session));
            if (outbox != null) {
                Connection connection = outbox.model().states().connection(session);
                return outbox.write(connection, files);
            }
        } catch (Throwable t) {
            Log.warn("could not write {} released file(s) to the table journal; they are held in memory only: {}",
                    files.size(), t.toString());
        }
        return new long[files.size()];
    }

    @Override
    public void completed(long[] entries, boolean committed) {
        // The rows committed or rolled back with the transaction itself.
    }

    @Override
    public synchronized void settle(long entry) {
        for (Claim claim : claims) {
            if (claim.settle(entry)) {
                return;
            }
        }
    }

    @Override
    public synchronized void failed(long entry, String reason) {
        for (Claim claim : claims) {
            if (claim.fail(entry, reason)) {
                return;
            }
        }
    }

    /** Claims waiting rows of every factory's table; the worker that calls it settles them, then the round ends. */
    @Override
    public synchronized int replay(long after, int limit, Consumer<Entry> sink) {
        roundDone();
        int handed = 0;
        for (Outbox outbox : outboxes.values()) {
            if (handed >= limit) {
                break;
            }
            try {
                Claim claim = outbox.claim(after, limit - handed, leaseMillis);
                claims.add(claim);
                claim.entries().forEach(sink);
                handed += claim.entries().size();
            } catch (Exception e) {
                Log.warn("could not claim rows of the table journal {} of SessionFactory '{}': {}", table,
                        outbox.factory(), e.toString());
            }
        }
        return handed;
    }

    @Override
    public synchronized void roundDone() {
        claims.forEach(Claim::finish);
        claims.clear();
    }

    @Override
    public synchronized void close() {
        roundDone();
    }

    @Override
    public String toString() {
        return "table " + table;
    }
}
