package dev.filecleanup.journal;

import dev.filecleanup.Log;
import dev.filecleanup.capture.ReleasedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A write-ahead journal in a local directory, for one JVM. A committing transaction appends its values and waits
 * until they are forced to the disk; transactions that commit together share one forced write, whoever comes
 * first writing everything appended so far (group commit). Settling an entry only appends a mark, never forced:
 * a mark lost in a crash costs one more look at a file on replay. The file is rewritten without its settled
 * entries once they make up most of it.
 */
public final class FileJournal implements Journal {
    static final long COMPACT_AT = 4L << 20;

    private final JournalFile file;
    private final long compactAt;
    private final EntrySet entries;
    private final Object forcing = new Object();
    private final ByteArrayOutputStream unwritten = new ByteArrayOutputStream();
    private long appended;
    private long written;
    private long failedUpTo;
    private long compactedSize;
    private volatile boolean reportedBroken;
    private boolean closed;

    private FileJournal(JournalFile file, EntrySet entries, long compactAt) {
        this.file = file;
        this.entries = entries;
        this.compactAt = compactAt;
    }

    /** Opens the journal in {@code directory}, which no other JVM may be using, and reads what it holds. */
    public static FileJournal open(Path directory) throws IOException {
        return open(directory, COMPACT_AT);
    }

    static FileJournal open(Path directory, long compactAt) throws IOException {
        JournalFile file = JournalFile.open(directory);
        try {
            EntrySet entries = new EntrySet();
            long cut = file.recover(entries::replayed);
            if (cut > 0) {
                Log.warn("journal {}: dropped {} byte(s) after its last whole record (an append cut short by a "
                        + "crash)", directory, cut);
            }
            FileJournal journal = new FileJournal(file, entries, compactAt);
            if (entries.failed() > 0) {
                Log.warn("journal {}: {} file(s) could not be deleted by an earlier run and are kept, marked failed",
                        directory, entries.failed());
            }
            return journal;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public long[] committing(Object session, List<ReleasedFile> files) {
        long[] numbers = new long[files.size()];
        long ticket;
        synchronized (this) {
            if (closed) {
                return numbers;
            }
            long at = System.currentTimeMillis();
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = entries.add();
                unwritten.writeBytes(JournalRecords.added(numbers[i], files.get(i), at));
            }
            ticket = ++appended;
        }
        try {
            write(ticket, true);
            return numbers;
        } catch (IOException | RuntimeException e) {
            if (!reportedBroken) {
                reportedBroken = file.broken();
                Log.error("could not write to the journal {}; {} released file(s) are not journaled, and a crash "
                        + "before their deletion would leave them behind: {}", file.directory(), numbers.length,
                        e.toString());
            }
            synchronized (this) {
                for (long number : numbers) {
                    entries.completed(number, false);
                }
            }
            return new long[numbers.length];
        }
    }

    @Override
    public synchronized void completed(long[] entries, boolean committed) {
        for (long number : entries) {
            if (number != NOT_JOURNALED && this.entries.completed(number, committed) && !committed && !closed) {
                unwritten.writeBytes(JournalRecords.settled(number));
            }
        }
    }

    @Override
    public void settle(long entry) {
        mark(entry, JournalRecords.settled(entry), false);
    }

    @Override
    public void failed(long entry, String reason) {
        mark(entry, JournalRecords.failed(entry, reason), true);
    }

    private void mark(long entry, byte[] record, boolean failed) {
        boolean compact;
        synchronized (this) {
            if (entry == NOT_JOURNALED || closed || !entries.settled(entry, failed)) {
                return;
            }
            unwritten.writeBytes(record);
            compact = unwritten.size() > 64 << 10;
        }
        if (compact) {
            try {
                write(Long.MAX_VALUE, false);
            } catch (IOException | RuntimeException e) {
                Log.warn("could not write to the journal {}: {}", file.directory(), e.toString());
            }
        }
    }

    @Override
    public int replay(long after, int limit, Consumer<Entry> sink) {
        FileChannel reader;
        long size;
        try {
            synchronized (forcing) {
                write(Long.MAX_VALUE, false);
                size = file.size();
                reader = file.reader();
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("could not read the journal {}: {}", file.directory(), e.toString());
            return 0;
        }
        int[] handed = {0};
        try (reader) {
            JournalFile.scan(reader, size, record -> {
                if (handed[0] < limit && record.kind() == JournalRecords.ADDED && record.number() > after) {
                    boolean waiting;
                    synchronized (this) {
                        waiting = entries.waiting(record.number());
                    }
                    if (waiting) {
                        handed[0]++;
                        sink.accept(new Entry(record.number(), record.file(), record.at()));
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            Log.warn("could not read the journal {}: {}", file.directory(), e.toString());
        }
        return handed[0];
    }

    @Override
    public void roundDone() {
        // Settle marks are appended as they come.
    }

    /**
     * Writes everything appended so far unless a call with a later {@code ticket} already did; whoever holds
     * {@link #forcing} writes for all who wait behind it. A failed write fails every ticket it held: their records
     * are lost, and each waiting committer learns that its files are not journaled. Then the file is compacted
     * if it is mostly settled entries.
     */
    private void write(long ticket, boolean force) throws IOException {
        synchronized (forcing) {
            if (force && written >= ticket) {
                return;
            }
            if (ticket != Long.MAX_VALUE && failedUpTo >= ticket) {
                throw new IOException("the write that held these records failed");
            }
            if (file.broken()) {
                throw new IOException("the journal is out of use since a write failed and could not be undone");
            }
            byte[] bytes;
            long upTo;
            synchronized (this) {
                bytes = unwritten.toByteArray();
                unwritten.reset();
                upTo = appended;
            }
            try {
                if (bytes.length > 0 || force) {
                    file.append(bytes, force);
                }
            } catch (IOException | RuntimeException e) {
                failedUpTo = Math.max(failedUpTo, upTo);
                throw e;
            }
            if (force) {
                written = Math.max(written, upTo);
            }
            compactIfWorthIt();
        }
    }

    /**
     * Holds {@link #forcing}: committing threads wait for the rewrite, as long as one forced write of it takes.
     * Only when nothing waits to be written, so that the rewrite holds every record; and only once the file has
     * doubled since the last rewrite, so that entries kept for long (failed ones) cannot make every write a rewrite.
     * A rewrite that fails leaves the old file as it was.
     */
    private void compactIfWorthIt() {
        try {
            long size = file.size();
            if (size <= Math.max(compactAt, 2 * compactedSize)) {
                return;
            }
            EntrySet.Snapshot kept;
            synchronized (this) {
                if (unwritten.size() > 0 || !entries.mostlySettled(size)) {
                    return;
                }
                kept = entries.snapshot();
            }
            file.compact(kept::keeps);
            compactedSize = file.size();
            Log.debug("journal {}: compacted from {} to {} bytes", file.directory(), size, compactedSize);
        } catch (IOException | RuntimeException e) {
            Log.warn("could not compact the journal {}: {}", file.directory(), e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (forcing) {
            try {
                write(Long.MAX_VALUE, true);
            } catch (IOException | RuntimeException e) {
                Log.warn("could not write to the journal {}: {}", file.directory(), e.toString());
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            file.close();
        }
    }

    /** Forced writes so far. */
    long forces() {
        synchronized (forcing) {
            return file.forces();
        }
    }

    /** Entries kept, marked failed: their files could not be deleted. */
    public synchronized long failed() {
        return entries.failed();
    }

    /** Entries neither settled nor failed, and not waiting for a running transaction. */
    public synchronized long waiting() {
        return entries.waitingCount();
    }

    @Override
    public String toString() {
        return "file:" + file.directory();
    }
}
