package dev.filecleanup.journal;

import dev.filecleanup.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The journal's files in one directory: {@code journal.log}, appended to and rewritten whole when compacted, and
 * {@code journal.lock}, held for as long as this JVM uses the directory. Not thread-safe: {@link FileJournal}
 * serialises every call.
 */
final class JournalFile {
    static final String LOG = "journal.log";
    static final String LOCK = "journal.lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel log;
    private long forces;
    private boolean broken;

    private JournalFile(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the directory for this JVM, or fails, naming the process that holds it, if another one does. */
    static JournalFile open(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock(0, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(directory.resolve(LOCK), StandardCharsets.UTF_8).trim();
            lockChannel.close();
            throw new IOException("the journal " + directory + " is in use by another JVM"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + "; give each JVM its own filecleanup.journal");
        }
        lockChannel.truncate(0).write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid())
                .getBytes(StandardCharsets.UTF_8)), 1);
        JournalFile file = new JournalFile(directory, lockChannel, lock);
        file.log = FileChannel.open(directory.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return file;
    }

    Path directory() {
        return directory;
    }

    /**
     * Feeds {@code sink} every whole record, then cuts off what follows the last one: a torn append, or a file
     * that is not a journal at all. Returns the number of bytes cut off.
     */
    long recover(Consumer<JournalRecords.Record> sink) throws IOException {
        long size = log.size();
        if (size == 0) {
            log.write(ByteBuffer.wrap(JournalRecords.MAGIC), 0);
            log.force(true);
            syncDirectory();
            return 0;
        }
        long end = scan(log, size, sink);
        if (end < size) {
            log.truncate(end);
            if (end == 0) {
                log.write(ByteBuffer.wrap(JournalRecords.MAGIC), 0);
            }
            log.force(true);
        }
        return size - end;
    }

    /** Reads the records in the first {@code size} bytes; returns where the readable part ends. */
    static long scan(FileChannel channel, long size, Consumer<JournalRecords.Record> sink) throws IOException {
        ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        byte[] magic = new byte[JournalRecords.MAGIC.length];
        if (size < magic.length) {
            return 0;
        }
        buffer.get(magic);
        if (!java.util.Arrays.equals(magic, JournalRecords.MAGIC)) {
            return 0;
        }
        for (JournalRecords.Record record; (record = JournalRecords.read(buffer)) != null; ) {
            sink.accept(record);
        }
        return buffer.position();
    }

    /**
     * Appends {@code bytes}; forced to the disk when {@code force}, which one call does for many appends. An append
     * that fails is cut off again, so that no part record sits before later ones; if even that fails, the file is
     * {@link #broken()}.
     */
    void append(byte[] bytes, boolean force) throws IOException {
        long start = log.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = start;
            while (buffer.hasRemaining()) {
                position += log.write(buffer, position);
            }
            if (force) {
                log.force(false);
                forces++;
            }
        } catch (IOException | RuntimeException e) {
            try {
                log.truncate(start);
            } catch (IOException | RuntimeException undo) {
                broken = true;
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** A failed append could not be cut off: nothing more may be written to this file. */
    boolean broken() {
        return broken;
    }

    /** Forced appends so far: what group commit saves. */
    long forces() {
        return forces;
    }

    long size() throws IOException {
        return log.size();
    }

    /** A channel of its own on the journal as it is now, for a read that must not hold up appends. */
    FileChannel reader() throws IOException {
        return FileChannel.open(directory.resolve(LOG), StandardOpenOption.READ);
    }

    /**
     * Rewrites the journal with only the records {@code keep} accepts, and puts it in place of the old one in one
     * atomic rename.
     */
    void compact(LongPredicate keep) throws IOException {
        Path compacted = directory.resolve(LOG + ".compacting");
        try (FileChannel out = FileChannel.open(compacted, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.wrap(JournalRecords.MAGIC);
            out.write(header);
            IOException[] failure = new IOException[1];
            scan(log, log.size(), record -> {
                if (failure[0] == null && record.kind() != JournalRecords.SETTLED && keep.test(record.number())) {
                    try {
                        out.write(ByteBuffer.wrap(record.kind() == JournalRecords.ADDED
                                ? JournalRecords.added(record.number(), record.file(), record.at())
                                : JournalRecords.failed(record.number(), record.reason())));
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            out.force(true);
        }
        try {
            Files.move(compacted, directory.resolve(LOG), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.delete(compacted);
            throw e;
        }
        syncDirectory();
        log.close();
        try {
            log = FileChannel.open(directory.resolve(LOG), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    void close() {
        try {
            log.force(true);
            log.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            Log.warn("could not close the journal {}: {}", directory, e.toString());
        }
    }

    /** Makes a new or renamed file's directory entry durable, where the platform allows it. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            Log.debug("the journal's directory cannot be synced here: {}", e.toString());
        }
    }
}
