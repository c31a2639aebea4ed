package com.example.uploads;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs one named scenario against the upload folder given as second argument, then exits. The end-to-end tests
 * start it in its own JVM and look at the folder afterwards; the application itself knows nothing of the agent.
 */
public final class Scenarios {
    private static final Map<String, BiConsumer<Uploads, String[]>> OWN = Map.ofEntries(
            Map.entry("remove", (app, args) -> remove(app)),
            Map.entry("cascade", (app, args) -> cascade(app)),
            Map.entry("replace", (app, args) -> replace(app)),
            Map.entry("inheritance", (app, args) -> inheritance(app)),
            Map.entry("no-change", (app, args) -> noChange(app)),
            Map.entry("nothing-released", (app, args) -> nothingReleased(app)),
            Map.entry("references", (app, args) -> references(app)),
            Map.entry("shared-both-removed", (app, args) -> sharedBothRemoved(app)),
            Map.entry("batch", (app, args) -> batch(app, Integer.parseInt(args[2]))),
            Map.entry("unsafe-values", (app, args) -> unsafeValues(app, args[2])),
            Map.entry("storage-errors", (app, args) -> storageErrors(app)),
            Map.entry("while-running", (app, args) -> whileRunning(app)),
            Map.entry("exit-pending", (app, args) -> exitPending(app)),
            Map.entry("exit-blocked", (app, args) -> exitBlocked(app)),
            Map.entry("exit-stuck", (app, args) -> exitStuck(app)),
            Map.entry("late-attach", (app, args) -> remove(app)),
            Map.entry("savepoint", (app, args) -> savepoint(app)),
            Map.entry("stress", (app, args) -> Stress.run(app, Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]))),
            Map.entry("deferred-commit-failure", (app, args) -> deferredCommitFailure(app)),
            Map.entry("burst", (app, args) -> burst(app, Integer.parseInt(args[2]))));

    private static final Map<String, BiConsumer<Uploads, String[]>> SCENARIOS = new java.util.HashMap<>(OWN);

    static {
        for (Map<String, BiConsumer<Uploads, String[]>> more : List.of(ReferenceScenarios.SCENARIOS,
                ShapeScenarios.SCENARIOS, BulkScenarios.SCENARIOS, CascadeScenarios.SCENARIOS,
                EnhancedScenarios.SCENARIOS, CrashScenarios.SCENARIOS, SweepScenarios.SCENARIOS,
                RollbackScenarios.SCENARIOS)) {
            more.forEach((name, scenario) -> {
                if (SCENARIOS.putIfAbsent(name, scenario) != null) {
                    throw new IllegalStateException("two scenarios are named " + name);
                }
            });
        }
    }

    private Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        BiConsumer<Uploads, String[]> scenario = SCENARIOS.get(args[0]);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario " + args[0] + "; known: " + SCENARIOS.keySet());
        }
        if ("late-attach".equals(args[0])) {
            awaitAttach(Path.of(args[1]));
        }
        Uploads app = CrashScenarios.ownsPersistenceUnit(args[0]) || SweepScenarios.ownsPersistenceUnit(args[0]) ? null
                : new Uploads(Path.of(args[1]));
        scenario.accept(app, args);
        if (Boolean.getBoolean("testapp.mbean")) {
            ManagementProbe.print();
        }
        if (app != null && !args[0].startsWith("exit-")) {
            app.close();
        }
        System.out.println("scenario " + args[0] + " finished");
    }

    /** Every way to remove one entity; each must delete the file its row held in the database. */
    static void remove(Uploads app) {
        Document viaEntityManager = app.persist(new Document("em", app.store("remove/em.txt")));
        app.run(em -> em.remove(em.find(Document.class, viaEntityManager.id)));

        Document viaSession = app.persist(new Document("session", app.store("remove/session.txt")));
        app.run(em -> em.unwrap(Session.class).remove(em.find(Document.class, viaSession.id)));

        Document changedInMemory = app.persist(new Document("db value", app.store("remove/db-value.txt")));
        app.store("remove/unflushed.txt");
        app.run(em -> {
            Document document = em.find(Document.class, changedInMemory.id);
            document.filePath = "remove/unflushed.txt";
            em.remove(document);
        });

        Document viaProxy = app.persist(new Document("proxy", app.store("remove/proxy.txt")));
        app.run(em -> {
            Document reference = em.getReference(Document.class, viaProxy.id);
            System.out.println("proxy loaded before remove: "
                    + Persistence.getPersistenceUtil().isLoaded(reference));
            em.remove(reference);
        });

        Tag tag = app.persist(new Tag("no file"));
        app.run(em -> em.remove(em.find(Tag.class, tag.id)));
    }

    /** Cascades two levels deep, and orphan removal from a collection. */
    static void cascade(Uploads app) {
        Album holiday = new Album("holiday");
        Photo beach = holiday.add(new Photo(app.store("cascade/beach.jpg")));
        new Thumbnail(beach, app.store("cascade/beach-small.jpg"));
        new Thumbnail(beach, app.store("cascade/beach-tiny.jpg"));
        Photo hill = holiday.add(new Photo(app.store("cascade/hill.jpg")));
        new Thumbnail(hill, app.store("cascade/hill-small.jpg"));
        app.run(em -> {
            em.persist(holiday);
            holiday.photos.forEach(photo -> photo.thumbnails.forEach(em::persist));
        });
        app.run(em -> em.remove(em.find(Album.class, holiday.id)));

        Album family = new Album("family");
        Photo dropped = family.add(new Photo(app.store("orphan/dropped.jpg")));
        new Thumbnail(dropped, app.store("orphan/dropped-small.jpg"));
        family.add(new Photo(app.store("orphan/kept.jpg")));
        app.run(em -> {
            em.persist(family);
            family.photos.forEach(photo -> photo.thumbnails.forEach(em::persist));
        });
        app.run(em -> em.find(Album.class, family.id).photos.remove(0));
    }

    /** Replacing a file attribute by another path, null or blank; managed and merged entities. */
    static void replace(Uploads app) {
        Document byPath = app.persist(new Document("path", app.store("replace/old-path.txt")));
        app.store("replace/new-path.txt");
        app.run(em -> em.find(Document.class, byPath.id).filePath = "replace/new-path.txt");

        Document byNull = app.persist(new Document("null", app.store("replace/old-null.txt")));
        app.run(em -> em.find(Document.class, byNull.id).filePath = null);

        Document byBlank = app.persist(new Document("blank", app.store("replace/old-blank.txt")));
        app.run(em -> em.find(Document.class, byBlank.id).filePath = "  ");

        Document detached = app.persist(new Document("merged", app.store("replace/old-merged.txt")));
        detached.filePath = app.store("replace/new-merged.txt");
        app.run(em -> em.merge(detached));

        UserProfile profile = app.persist(new UserProfile("ada", app.store("replace/old-avatar.png")));
        app.store("replace/new-avatar.png");
        app.run(em -> em.find(UserProfile.class, profile.id).avatar = "replace/new-avatar.png");

        Contract contract = app.persist(new Contract(Path.of(app.store("replace/old-scan.pdf"))));
        app.store("replace/new-scan.pdf");
        app.run(em -> em.find(Contract.class, contract.id).scan = Path.of("replace/new-scan.pdf"));
    }

    /** File attributes declared on a JOINED parent, a SINGLE_TABLE parent and a mapped superclass. */
    static void inheritance(Uploads app) {
        Invoice invoice = app.persist(new Invoice(app.store("inherit/invoice.pdf"), 1200));
        app.run(em -> em.remove(em.find(Invoice.class, invoice.id)));
        Invoice replaced = app.persist(new Invoice(app.store("inherit/invoice-old.pdf"), 300));
        app.run(em -> em.find(Attachment.class, replaced.id).path = app.store("inherit/invoice-new.pdf"));

        Video video = app.persist(new Video(app.store("inherit/video.mp4"), 42));
        app.run(em -> em.remove(em.find(Media.class, video.id)));

        Report report = app.persist(new Report(app.store("inherit/report.csv")));
        app.run(em -> em.remove(em.find(Report.class, report.id)));
        Report replacedReport = app.persist(new Report(app.store("inherit/report-old.csv")));
        app.run(em -> em.find(Report.class, replacedReport.id).storagePath = app.store("inherit/report-new.csv"));
    }

    /**
     * Changes that never reach committed data: none of these may delete a file. One committed removal at the end
     * shows that the agent was at work all along.
     */
    /** Hibernate writes rows and a removal is rolled back, but no committed transaction releases a file. */
    static void nothingReleased(Uploads app) {
        Document kept = app.persist(new Document("kept", app.store("quiet/kept.txt")));
        rollback(app, em -> {
            em.remove(em.find(Document.class, kept.id));
            em.flush();
        });
    }

    static void noChange(Uploads app) {
        Document rolledBack = app.persist(new Document("rollback", app.store("keep/rollback.txt")));
        rollback(app, em -> {
            em.remove(em.find(Document.class, rolledBack.id));
            em.flush();
        });

        Document replacedThenRolledBack = app.persist(new Document("replace", app.store("keep/replace-old.txt")));
        app.store("keep/replace-new.txt");
        rollback(app, em -> {
            em.find(Document.class, replacedThenRolledBack.id).filePath = "keep/replace-new.txt";
            em.flush();
        });

        Document failedCommit = app.persist(new Document("failed commit", app.store("keep/failed-commit.txt")));
        Document holder = new Document("holds the code", null);
        holder.code = "taken";
        app.persist(holder);
        try {
            app.run(em -> {
                em.remove(em.find(Document.class, failedCommit.id));
                em.flush();
                Document duplicate = new Document("duplicate", app.store("keep/duplicate.txt"));
                duplicate.code = "taken";
                em.persist(duplicate);
            });
            throw new AssertionError("the commit should have failed");
        } catch (RuntimeException expected) {
            System.out.println("commit failed as planned: " + expected.getClass().getSimpleName());
        }

        Document manual = app.persist(new Document("manual", app.store("keep/manual-flush.txt")));
        app.run(em -> {
            em.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
            em.remove(em.find(Document.class, manual.id));
        });

        Document removedThenPersisted = app.persist(new Document("back", app.store("keep/persisted-again.txt")));
        app.run(em -> {
            Document document = em.find(Document.class, removedThenPersisted.id);
            em.remove(document);
            em.persist(document);
        });

        app.persist(new Document("new", app.store("keep/new.txt")));

        Memo memo = app.persist(new Memo(app.store("keep/soft-deleted.txt")));
        app.run(em -> em.remove(em.find(Memo.class, memo.id)));
        Note note = app.persist(new Note(app.store("keep/sql-delete.txt")));
        app.run(em -> em.remove(em.find(Note.class, note.id)));

        Document control = app.persist(new Document("control", app.store("keep/control-removed.txt")));
        app.run(em -> em.remove(em.find(Document.class, control.id)));
    }

    /** A to B to A keeps A; shared values survive while any row of any entity holds them. */
    static void references(Uploads app) {
        Document flipFlop = app.persist(new Document("a-b-a", app.store("refs/a.txt")));
        app.store("refs/b.txt");
        app.run(em -> {
            Document document = em.find(Document.class, flipFlop.id);
            document.filePath = "refs/b.txt";
            em.flush();
            document.filePath = "refs/a.txt";
        });

        Document first = app.persist(new Document("first", app.store("refs/shared.txt")));
        app.persist(new Document("second", "refs/shared.txt"));
        app.run(em -> em.remove(em.find(Document.class, first.id)));

        Document document = app.persist(new Document("document", app.store("refs/cross.png")));
        app.persist(new UserProfile("grace", "refs/cross.png"));
        app.run(em -> em.remove(em.find(Document.class, document.id)));
    }

    static void sharedBothRemoved(Uploads app) {
        Document first = app.persist(new Document("first", app.store("refs/shared-both.txt")));
        Document second = app.persist(new Document("second", "refs/shared-both.txt"));
        app.run(em -> em.remove(em.find(Document.class, first.id)));
        app.run(em -> em.remove(em.find(Document.class, second.id)));
    }

    /** Many rows removed in one transaction; the agent's summary line counts its reference queries. */
    static void batch(Uploads app, int rows) {
        app.run(em -> IntStream.range(0, rows).forEach(i ->
                em.persist(new Document("batch " + i, app.store(String.format("batch/%05d.txt", i))))));
        app.run(em -> em.createQuery("from Document", Document.class).getResultList().forEach(em::remove));
    }

    /** Values that must never be deleted: outside the root, through symbolic links, a directory, blank. */
    static void unsafeValues(Uploads app, String outside) {
        List<String> values = List.of(
                Path.of(outside, "secret.txt").toString(),
                "../" + Path.of(outside).getFileName() + "/secret.txt",
                "link-to-secret.txt",
                "linked-dir/secret.txt",
                "a-directory",
                ".",
                "   ");
        List<Long> ids = values.stream().map(value -> app.persist(new Document("unsafe", value)).id).toList();
        app.persist(new Document("null", null));
        app.run(em -> ids.forEach(id -> em.remove(em.find(Document.class, id))));
        app.run(em -> em.createQuery("delete from Tag").executeUpdate());
    }

    /** A file already gone counts as deleted; a file that cannot be deleted is logged and later work goes on. */
    static void storageErrors(Uploads app) {
        Document gone = app.persist(new Document("gone", app.store("errors/gone.txt")));
        Document stuck = app.persist(new Document("stuck", "locked/stuck.txt"));
        app.run(em -> {
            em.remove(em.find(Document.class, gone.id));
            em.remove(em.find(Document.class, stuck.id));
            deleteQuietly(app.root.resolve("errors/gone.txt"));
        });
        Document later = app.persist(new Document("later", app.store("errors/later.txt")));
        app.run(em -> em.remove(em.find(Document.class, later.id)));
        System.out.println("the application carried on");
    }

    /**
     * One transaction releases {@code count} files at once: a bulk delete of as many rows, each naming a file of
     * its own.
     */
    static void burst(Uploads app, int count) {
        for (int from = 0; from < count; from += 1_000) {
            int first = from;
            app.run(em -> {
                for (int i = first; i < Math.min(count, first + 1_000); i++) {
                    em.persist(new Document("burst", app.store("burst/" + i / 1_000 + "/" + i + ".txt")));
                }
            });
        }
        long started = System.nanoTime();
        int deleted = app.inTransaction(em -> em.createQuery("delete from Document d where d.title = 'burst'")
                .executeUpdate());
        System.out.printf("burst: %d rows deleted, committed in %d ms%n", deleted,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Deletion happens in the background shortly after commit, while the application keeps running. */
    static void whileRunning(Uploads app) {
        Document document = app.persist(new Document("soon", app.store("running/soon.txt")));
        app.run(em -> em.remove(em.find(Document.class, document.id)));
        long committed = System.nanoTime();
        Path file = app.root.resolve("running/soon.txt");
        System.out.println(AgentMBean.await(Duration.ofSeconds(10), () -> !Files.exists(file))
                ? "gone " + (System.nanoTime() - committed) / 1_000_000 + " ms after commit"
                : "still present " + (System.nanoTime() - committed) / 1_000_000 + " ms after commit");
    }

    /** Commits and exits at once, without closing the EntityManagerFactory. */
    static void exitPending(Uploads app) {
        Document document = app.persist(new Document("at exit", app.store("exit/pending.txt")));
        app.run(em -> em.remove(em.find(Document.class, document.id)));
    }

    /**
     * PostgreSQL only. Commits a removal and exits at once, while another transaction holds a lock that blocks
     * the reference check. The lock is let go only once the check is seen waiting for it, so only an exit hook
     * that waits can delete the file.
     */
    static void exitBlocked(Uploads app) {
        Document document = app.persist(new Document("at exit", app.store("exit/blocked.txt")));
        LockHolder.take(app, true, 20_000);
        app.run(em -> em.remove(em.find(Document.class, document.id)));
    }

    /** As exit-blocked, but the lock outlasts the exit hook's wait: it goes only with the JVM. */
    static void exitStuck(Uploads app) {
        Document document = app.persist(new Document("at exit", app.store("exit/stuck.txt")));
        LockHolder.take(app, false, 60_000);
        app.run(em -> em.remove(em.find(Document.class, document.id)));
    }

    /**
     * Work inside a JDBC savepoint is flushed, then the savepoint is rolled back, then the transaction commits.
     * Hibernate never learns of the savepoint, but the rows still hold their paths, so the files must stay.
     */
    static void savepoint(Uploads app) {
        Document removed = app.persist(new Document("removed in savepoint", app.store("savepoint/removed.txt")));
        Document replaced = app.persist(new Document("replaced in savepoint", app.store("savepoint/old.txt")));
        app.store("savepoint/new.txt");
        Document control = app.persist(new Document("removed for real", app.store("savepoint/control.txt")));
        app.run(em -> {
            Session session = em.unwrap(Session.class);
            java.sql.Savepoint[] savepoint = new java.sql.Savepoint[1];
            session.doWork(connection -> savepoint[0] = connection.setSavepoint());
            em.remove(em.find(Document.class, removed.id));
            em.find(Document.class, replaced.id).filePath = "savepoint/new.txt";
            em.flush();
            session.doWork(connection -> connection.rollback(savepoint[0]));
            em.clear();
            em.remove(em.find(Document.class, control.id));
        });
        app.run(em -> System.out.println("after the savepoint rollback the rows hold: "
                + em.find(Document.class, removed.id).filePath + ", " + em.find(Document.class, replaced.id).filePath));
    }

    /**
     * PostgreSQL only: the flush succeeds and COMMIT fails on a deferred unique constraint. Then the same
     * EntityManager runs a successful transaction; before Hibernate 7.4 the failed one's completion callbacks
     * are still pending on the session at that point (HHH-20336). No file of the failed transaction may go.
     */
    static void deferredCommitFailure(Uploads app) {
        app.run(em -> {
            Object constraint = em.createNativeQuery("select constraint_name from information_schema.table_constraints"
                    + " where table_schema = current_schema() and table_name = 'document'"
                    + " and constraint_type = 'UNIQUE'").getSingleResult();
            em.createNativeQuery("alter table document drop constraint " + constraint).executeUpdate();
            em.createNativeQuery("alter table document add constraint document_code_deferred unique (code)"
                    + " deferrable initially deferred").executeUpdate();
        });
        Document holder = new Document("holds the code", app.store("deferred/holder.txt"));
        holder.code = "taken";
        app.persist(holder);
        Document victim = app.persist(new Document("removed, then the commit fails", app.store("deferred/removed.txt")));
        Document replaced = app.persist(new Document("replaced, then the commit fails", app.store("deferred/old.txt")));
        Document control = app.persist(new Document("removed for real", app.store("deferred/control.txt")));
        app.store("deferred/new.txt");

        EntityManager em = app.emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.remove(em.find(Document.class, victim.id));
            em.find(Document.class, replaced.id).filePath = "deferred/new.txt";
            Document duplicate = new Document("duplicate code", null);
            duplicate.code = "taken";
            em.persist(duplicate);
            em.flush();
            System.out.println("flushed; committing");
            em.getTransaction().commit();
            throw new AssertionError("the commit should have failed");
        } catch (RuntimeException expected) {
            System.out.println("commit failed as planned: " + expected.getClass().getSimpleName());
        }
        // What Spring does with a pre-bound EntityManager after a failed commit: clear it and go on.
        em.clear();
        em.getTransaction().begin();
        em.persist(new Tag("second transaction"));
        // Native SQL, which the agent does not see: the failed transaction's rows stop holding their files, so
        // should its captures still be pending, nothing but the transaction tracking keeps these files.
        em.createNativeQuery("update Document set filePath = null where id in (" + victim.id + ", " + replaced.id
                + ")").executeUpdate();
        em.remove(em.find(Document.class, control.id));
        em.getTransaction().commit();
        em.close();
        System.out.println("second transaction committed");
    }

    /** Prints this JVM's pid, then waits (a minute at most) until the test has attached the agent. */
    private static void awaitAttach(Path root) {
        System.out.println("waiting for the agent, pid " + ProcessHandle.current().pid());
        System.out.flush();
        Path signal = root.resolve("attached");
        for (int i = 0; i < 600 && !Files.exists(signal); i++) {
            sleep(100);
        }
    }

    private static void rollback(Uploads app, java.util.function.Consumer<EntityManager> work) {
        EntityManager em = app.emf.createEntityManager();
        em.getTransaction().begin();
        work.accept(em);
        em.getTransaction().rollback();
        em.close();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
