package dev.filecleanup.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values released by one session's current transaction, and with rollback cleanup those it wrote; the first
 * capture of a value wins. Once journaled,
 * each value has its entry number: a value captured after that (by a flush that runs later than the journal
 * write, which Hibernate does not do on its own) is journaled when the transaction ends.
 */
final class TransactionFiles {
    private final Map<String, ReleasedFile> files = new LinkedHashMap<>();
    private final Map<String, Long> entries = new LinkedHashMap<>();
    /** The values its inserts and updates wrote (rollback cleanup only): never journaled, dropped on commit. */
    private Map<String, ReleasedFile> written;

    synchronized void add(ReleasedFile file) {
        if (file.cause() == ReleasedFile.Cause.WRITTEN) {
            if (written == null) {
                written = new LinkedHashMap<>();
            }
            written.putIfAbsent(file.value(), file);
        } else {
            files.putIfAbsent(file.value(), file);
        }
    }

    /** The values written, for a check after a rollback. */
    synchronized List<ReleasedFile> written() {
        return written == null ? List.of() : new ArrayList<>(written.values());
    }

    /** Whether this transaction wrote a value that {@code sameFile} accepts, as an insert or update spelled it. */
    synchronized boolean wrote(Predicate<String> sameFile) {
        if (written != null) {
            for (String value : written.keySet()) {
                if (sameFile.test(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    synchronized List<ReleasedFile> snapshot() {
        return new ArrayList<>(files.values());
    }

    /** The values not journaled yet. */
    synchronized List<ReleasedFile> unjournaled() {
        return files.values().stream().filter(file -> !entries.containsKey(file.value())).toList();
    }

    synchronized void journaled(List<ReleasedFile> written, long[] numbers) {
        for (int i = 0; i < numbers.length; i++) {
            entries.put(written.get(i).value(), numbers[i]);
        }
    }

    /** The entry numbers of {@link #snapshot()}'s values, in its order. */
    synchronized long[] entries() {
        return files.keySet().stream().mapToLong(value -> entries.getOrDefault(value, 0L)).toArray();
    }
}
