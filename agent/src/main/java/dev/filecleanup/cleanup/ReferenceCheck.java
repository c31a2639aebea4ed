package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last word before a delete: does some committed row, in any reference column of any SessionFactory, name
 * the same file? The database is asked for candidates by file name, and the verdict is taken in Java by
 * resolving each candidate as a deletion would ({@link SameFile}). A factory that cannot be read is retried
 * with growing pauses, unless retrying cannot help; if it stays unreadable, every file it was asked about is kept.
 * A column that cannot be checked at all may name any file: while there is one, every file is kept.
 */
final class ReferenceCheck {
    static final int ATTEMPTS = 5;
    static final String STILL_REFERENCED = "still referenced";

    private final Map<Object, FactoryReferences> factories = new ConcurrentHashMap<>();
    private final StorageRoots roots;
    private final long firstRetryMillis;

    /** {@code firstRetryMillis}: the pause after a failed check, doubled at each further attempt. */
    ReferenceCheck(StorageRoots roots, long firstRetryMillis) {
        this.roots = roots;
        this.firstRetryMillis = firstRetryMillis;
    }

    void register(Object sessionFactory, FactoryReferences references) {
        factories.put(sessionFactory, references);
    }

    /** The factories whose rows protect files, closed ones included. */
    Collection<FactoryReferences> factories() {
        return factories.values();
    }

    /** Its rows still count; whether they can still be read depends on where its connections come from. */
    void closed(Object sessionFactory) {
        FactoryReferences references = factories.get(sessionFactory);
        if (references != null) {
            references.close();
        }
    }

    /** For each target that must be kept, why; a target absent from the answer may be deleted. */
    Map<Target, String> keep(Collection<Target> targets) {
        Map<Target, String> keep = new HashMap<>();
        if (factories.isEmpty()) {
            targets.forEach(target -> keep.put(target, "no SessionFactory to check references against"));
            return keep;
        }
        Map<String, List<Target>> byName = new HashMap<>();
        for (Target target : targets) {
            byName.computeIfAbsent(Target.key(target.lexical()), k -> new ArrayList<>()).add(target);
            if (!Target.key(target.real()).equals(Target.key(target.lexical()))) {
                byName.computeIfAbsent(Target.key(target.real()), k -> new ArrayList<>()).add(target);
            }
        }
        SameFile sameFile = new SameFile(roots);
        for (FactoryReferences factory : factories.values()) {
            if (factory.unreadable()) {
                targets.forEach(target -> keep.putIfAbsent(target,
                        "SessionFactory '" + factory.name() + "' is closed and its rows cannot be read"));
                continue;
            }
            for (Object tenant : tenants(factory, targets)) {
                Set<Target> asked = new LinkedHashSet<>();
                targets.stream().filter(target -> tenant == null || target.tenants().contains(tenant))
                        .forEach(asked::add);
                String failure = ask(factory, tenant, asked, byName, sameFile, keep);
                if (failure != null) {
                    asked.forEach(target -> keep.putIfAbsent(target, "references could not be checked: " + failure));
                }
            }
        }
        // A column that cannot be read may name any file, whichever column released it: every file is kept.
        for (FactoryReferences factory : factories.values()) {
            for (ColumnQuery column : factory.columns()) {
                if (!column.checkable()) {
                    targets.forEach(target -> keep.putIfAbsent(target, "column " + column.label()
                            + " cannot be checked"));
                }
            }
        }
        return keep;
    }

    /** The tenants to ask a factory for: each releasing tenant under multi-tenancy, else no tenant at all. */
    private static Set<Object> tenants(FactoryReferences factory, Collection<Target> targets) {
        Set<Object> tenants = new LinkedHashSet<>();
        if (factory.multiTenant()) {
            targets.forEach(target -> tenants.addAll(target.tenants()));
        } else {
            tenants.add(null);
        }
        return tenants;
    }

    /** Marks the targets some row of {@code factory} names; the failure's text when it cannot be read. */
    private String ask(FactoryReferences factory, Object tenant, Set<Target> asked, Map<String, List<Target>> byName,
                       SameFile sameFile, Map<Target, String> keep) {
        Set<String> names = new LinkedHashSet<>();
        asked.forEach(target -> names.addAll(target.names()));
        for (int attempt = 1; ; attempt++) {
            try {
                factory.candidates(tenant, List.copyOf(names), (column, value) -> {
                    for (String spelling : spellings(value)) {
                        Path lexical = sameFile.lexical(spelling);
                        if (lexical == null) {
                            continue;
                        }
                        for (Target target : byName.getOrDefault(Target.key(lexical), List.of())) {
                            if (asked.contains(target) && sameFile.names(lexical, target)) {
                                keep.put(target, STILL_REFERENCED);
                            }
                        }
                    }
                });
                return null;
            } catch (SQLException | RuntimeException e) {
                Log.warn("reference check of SessionFactory '" + factory.name() + "' failed (attempt " + attempt
                        + " of " + ATTEMPTS + ")", e);
                if (attempt == ATTEMPTS || e instanceof SQLException sql && SqlErrors.permanent(sql)) {
                    return "SessionFactory '" + factory.name() + "': " + e;
                }
                pause(firstRetryMillis << (attempt - 1));
            }
        }
    }

    /** A value, and without trailing white space when it has some (a CHAR column pads what it holds). */
    static List<String> spellings(String value) {
        String stripped = ColumnQuery.trimmed(value);
        return stripped.equals(value) || stripped.isEmpty() ? List.of(value) : List.of(value, stripped);
    }

    /** Sleeps; an interrupt from the host does not stop the check, which must finish or keep the files. */
    private static void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        for (long left = millis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Log.warn("the reference check was interrupted while waiting to retry; it goes on");
        }
    }
}
