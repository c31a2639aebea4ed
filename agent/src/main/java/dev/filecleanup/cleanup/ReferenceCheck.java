package dev.filecleanup.cleanup;

import dev.filecleanup.Log;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last word before a delete: which released values does some committed row of some open SessionFactory
 * still hold, under any spelling? A check that fails is retried with growing pauses; when it keeps failing, or
 * no SessionFactory is open to ask, the answer is "unknown" and every file is kept.
 */
final class ReferenceCheck {
    static final int ATTEMPTS = 5;

    private final Map<Object, ReferenceLookup> lookups = new ConcurrentHashMap<>();
    private final StorageRoots roots;
    private final long firstRetryMillis;

    /** {@code firstRetryMillis}: the pause after a failed check, doubled at each further attempt. */
    ReferenceCheck(StorageRoots roots, long firstRetryMillis) {
        this.roots = roots;
        this.firstRetryMillis = firstRetryMillis;
    }

    void register(Object sessionFactory, ReferenceLookup lookup) {
        lookups.put(sessionFactory, lookup);
    }

    void unregister(Object sessionFactory) {
        lookups.remove(sessionFactory);
    }

    /** The values that some row still references, or null when that cannot be known. */
    Set<String> stillReferenced(Collection<String> values) {
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        Set<String> lookFor = new LinkedHashSet<>();
        for (String value : values) {
            Set<String> ways = roots.spellings(value);
            spellings.put(value, ways);
            lookFor.addAll(ways);
        }
        Set<String> held = heldByAnyFactory(lookFor);
        if (held == null) {
            return null;
        }
        Set<String> referenced = new HashSet<>();
        spellings.forEach((value, ways) -> {
            if (ways.stream().anyMatch(held::contains)) {
                referenced.add(value);
            }
        });
        return referenced;
    }

    private Set<String> heldByAnyFactory(Set<String> spellings) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (lookups.isEmpty()) {
                Log.warn("no open SessionFactory to check references against");
                return null;
            }
            try {
                Set<String> held = new HashSet<>();
                for (ReferenceLookup lookup : lookups.values()) {
                    held.addAll(lookup.stillReferenced(spellings));
                }
                return held;
            } catch (Exception e) {
                Log.warn("reference check failed (attempt " + attempt + " of " + ATTEMPTS + ")", e);
                if (attempt == ATTEMPTS) {
                    break;
                }
                try {
                    Thread.sleep(firstRetryMillis << (attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }
}
