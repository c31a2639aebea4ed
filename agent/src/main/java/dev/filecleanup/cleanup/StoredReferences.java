package dev.filecleanup.cleanup;

import dev.filecleanup.capture.ReleasedFile;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the orphan sweep may ask of the cleanup stage: the roots, every value of every reference column, the
 * reference check's exact verdict on given files, and the path-safe delete. The sweep decides nothing here that a
 * live deletion would decide otherwise. Any answer short of a complete one is an {@link Unreadable}: the sweep
 * then keeps every file.
 */
public final class StoredReferences {
    /** Why the rows cannot all be read, or not now: whatever was not read may reference any file. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final StorageRoots roots;
    private final ReferenceCheck check;
    private final SafeDeleter deleter;

    StoredReferences(StorageRoots roots, ReferenceCheck check, SafeDeleter deleter) {
        this.roots = roots;
        this.check = check;
        this.deleter = deleter;
    }

    public List<Path> roots() {
        return roots.roots();
    }

    /** The root's real path, or null while it is not there. */
    public Path realRoot(Path root) {
        return roots.realRoot(root);
    }

    /**
     * The absolute, normalised paths a stored value may name, as the reference check reads it: the value as it
     * is, and without trailing white space (CHAR padding) when it has some. Empty when it names no path.
     */
    public List<Path> paths(String value) {
        List<Path> paths = new ArrayList<>(2);
        for (String spelling : ReferenceCheck.spellings(value)) {
            Path lexical = roots.lexical(spelling);
            if (lexical != null) {
                paths.add(lexical);
            }
        }
        return paths;
    }

    /**
     * The key the reference check looks a file up by, among the values it asks the database for: its name,
     * lower-cased. A file whose key no stored value's {@link #paths} has is one the check finds no row for.
     */
    public static String key(Path path) {
        return Target.key(path);
    }

    /** How many SessionFactories with file columns were ever built: one more means rows not read yet. */
    public int factories() {
        return check.factories().size();
    }

    /**
     * Why the rows of some SessionFactory with file columns cannot be read in full now, or null when every one
     * can: none is open yet, one is closed, one is multi-tenant (no connection reads every tenant), or a column
     * cannot be checked.
     */
    public String notReadable() {
        if (check.factories().isEmpty()) {
            return "no SessionFactory with file columns is open";
        }
        for (FactoryReferences factory : check.factories()) {
            if (factory.closed()) {
                return "SessionFactory '" + factory.name() + "' is closed";
            }
            if (factory.multiTenant()) {
                return "SessionFactory '" + factory.name() + "' is multi-tenant, and no connection reads every "
                        + "tenant's rows";
            }
            for (ColumnQuery column : factory.columns()) {
                if (!column.checkable()) {
                    return "column " + column.label() + " of SessionFactory '" + factory.name()
                            + "' cannot be checked";
                }
            }
        }
        return null;
    }

    /** How many values the reference columns hold in all. */
    public long count() throws Unreadable {
        long count = 0;
        for (FactoryReferences factory : readable()) {
            try {
                count += factory.count();
            } catch (SQLException | RuntimeException e) {
                throw new Unreadable("SessionFactory '" + factory.name() + "' could not count its rows: " + e);
            }
        }
        return count;
    }

    /** Feeds {@code sink} every value of every reference column of every SessionFactory, one factory at a time. */
    public void everyValue(Consumer<String> sink) throws Unreadable {
        for (FactoryReferences factory : readable()) {
            String[] at = new String[1];
            try {
                factory.everyValue((column, value) -> {
                    at[0] = column.label();
                    sink.accept(value);
                });
            } catch (SQLException | RuntimeException e) {
                throw new Unreadable("SessionFactory '" + factory.name() + "' could not be read"
                        + (at[0] == null ? "" : " (last column read: " + at[0] + ")") + ": " + e);
            }
        }
    }

    private List<FactoryReferences> readable() throws Unreadable {
        String notReadable = notReadable();
        if (notReadable != null) {
            throw new Unreadable(notReadable);
        }
        return new ArrayList<>(check.factories());
    }

    /**
     * The reference check's verdict, exactly as for released files: which of {@code files} (their path under the
     * configured root, mapped to their real path) some committed row still names. Any other answer than "still
     * referenced" for any file, or a column that stopped being checkable, makes the whole answer unreadable.
     */
    public Set<Path> referenced(Map<Path, Path> files) throws Unreadable {
        readable();
        List<Target> targets = new ArrayList<>();
        files.forEach((lexical, real) -> targets.add(new Target(new ReleasedFile(lexical.toString(), "orphan",
                "sweep", ReleasedFile.Cause.REMOVED, "", null), lexical, real)));
        Map<Target, String> keep = check.keep(targets);
        Set<Path> referenced = new HashSet<>();
        for (Map.Entry<Target, String> kept : keep.entrySet()) {
            if (!ReferenceCheck.STILL_REFERENCED.equals(kept.getValue())) {
                throw new Unreadable(kept.getValue());
            }
            referenced.add(kept.getKey().lexical());
        }
        // A column whose every read failed is left out of the check, silently for files it did not release.
        String notReadable = notReadable();
        if (notReadable != null) {
            throw new Unreadable(notReadable);
        }
        return referenced;
    }

    /**
     * Deletes an orphan through the path-safe delete, which resolves it once more and refuses a link, a directory
     * or anything outside the roots; why it failed, or null when it is dealt with.
     */
    public String delete(Path file) {
        return deleter.delete(file.toString(), "orphan sweep");
    }
}
