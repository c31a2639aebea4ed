package dev.filecleanup.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values released by one session's current transaction; the first capture of a value wins. */
final class TransactionFiles {
    private final Map<String, ReleasedFile> files = new LinkedHashMap<>();

    synchronized void add(ReleasedFile file) {
        files.putIfAbsent(file.value(), file);
    }

    synchronized List<ReleasedFile> snapshot() {
        return new ArrayList<>(files.values());
    }
}
