package dev.filecleanup.capture;

import java.util.List;

/**
 * The values one committed transaction released, with their journal entry numbers in the same order
 * ({@code Journal.NOT_JOURNALED} where there is none).
 */
public record CommittedFiles(List<ReleasedFile> files, long[] entries) {
    public CommittedFiles {
        if (files.size() != entries.length) {
            throw new IllegalArgumentException(files.size() + " files, " + entries.length + " entries");
        }
    }

    /** Values that are in no journal, as a transaction's hand-off without one. */
    public static CommittedFiles unjournaled(List<ReleasedFile> files) {
        return new CommittedFiles(files, new long[files.size()]);
    }
}
