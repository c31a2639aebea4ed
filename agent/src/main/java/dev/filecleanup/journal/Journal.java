package dev.filecleanup.journal;

import dev.filecleanup.capture.ReleasedFile;
import dev.filecleanup.catalog.FactoryModel;
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
        public long[] committing(Object session, List<ReleasedFile> files) {
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
        public void roundDone() {
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
     * The transaction of {@code session} released {@code files} and is about to commit, on its own thread, after
     * its last flush: they are recorded before this returns. Returns their entry numbers, {@link #NOT_JOURNALED}
     * for a value that could not be recorded.
     */
    long[] committing(Object session, List<ReleasedFile> files);

    /** A SessionFactory is ready; a journal that lives in the factories' databases starts using its one. */
    default void watch(Object sessionFactory, String name, FactoryModel model) {
    }

    default void closed(Object sessionFactory) {
    }

    /**
     * Whether other JVMs drain this journal too: its entries are then never worked on from memory, only through
     * {@link #replay}, which claims them, so that no two nodes handle one entry.
     */
    default boolean shared() {
        return false;
    }

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

    /** The entries of the last {@link #replay} are dealt with, as far as they will be this round. */
    void roundDone();

    /** Writes what is buffered and releases the journal; later calls do nothing. */
    void close();

    /** A journaled value, its number, and when it was released (epoch milliseconds). */
    record Entry(long number, ReleasedFile file, long releasedAt) {
    }
}
