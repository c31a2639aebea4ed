package dev.filecleanup.journal;

import dev.filecleanup.capture.ReleasedFile;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where released values wait, durable, between the commit that releases them and their deletion, so that a crash
 * in between loses nothing. Each value gets an entry number when it is written; the queue settles it once the
 * file is dealt with. An entry whose transaction rolled back, or whose outcome is unknown, is harmless: replay
 * puts it through the same reference check, which keeps a file that a committed row still names.
 */
public interface Journal {
    /** The number of a value that is in no journal. */
    long NOT_JOURNALED = 0;

    /** Keeps nothing: a crash between a commit and the deletions loses them. */
    Journal NONE = new Journal() {
        @Override
        public long[] committing(List<ReleasedFile> files) {
            return new long[files.size()];
        }

        @Override
        public void completed(long[] entries, boolean committed) {
        }

        @Override
        public void settle(long entry) {
        }

        @Override
        public void failed(long entry, String reason) {
        }

        @Override
        public int replay(long after, int limit, Consumer<Entry> sink) {
            return 0;
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /**
     * A transaction that released {@code files} is about to commit, on its own thread: they are made durable before
     * this returns. Returns their entry numbers, {@link #NOT_JOURNALED} for a value that could not be written.
     */
    long[] committing(List<ReleasedFile> files);

    /**
     * The entries are no longer held in memory: a rolled-back transaction's are settled; a committed one's, that
     * the queue had no room for or could not check, or whose transaction's outcome is unknown, wait for replay.
     */
    void completed(long[] entries, boolean committed);

    /** The file of this entry is dealt with: deleted, already gone, refused, or kept because a row names it. */
    void settle(long entry);

    /** The file could not be deleted and will not be retried: the entry is kept, marked failed. */
    void failed(long entry, String reason);

    /**
     * Feeds {@code sink}, in order, up to {@code limit} entries numbered after {@code after} that are neither
     * settled nor failed nor held in memory: those of an earlier run, and those left to the journal. Returns how
     * many.
     */
    int replay(long after, int limit, Consumer<Entry> sink);

    /** Writes what is buffered and releases the journal; later calls do nothing. */
    void close();

    /** A journaled value, its number, and when it was released (epoch milliseconds). */
    record Entry(long number, ReleasedFile file, long releasedAt) {
    }
}
