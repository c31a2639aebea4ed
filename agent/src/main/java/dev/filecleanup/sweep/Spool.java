package dev.filecleanup.sweep;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The orphan candidates of one sweep, written to a file outside the roots as the walk finds them and read back
 * in order: memory holds one record, however many files are orphaned. Removed when the sweep ends.
 */
final class Spool implements AutoCloseable {
    /** A file the walk found no row for: its root's index, its path below the root, size and modification time. */
    record Candidate(int root, String relative, long size, long modified) {
    }

    private final Path file;
    private DataOutputStream out;
    private long count;

    Spool(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = Files.createTempFile(folder, "sweep-", ".candidates");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    void add(Candidate candidate) throws IOException {
        out.writeInt(candidate.root());
        out.writeLong(candidate.size());
        out.writeLong(candidate.modified());
        // A path may be longer than writeUTF takes in modified UTF-8 (64 KiB): never on Linux (PATH_MAX 4096).
        out.writeUTF(candidate.relative());
        count++;
    }

    long count() {
        return count;
    }

    /** What a caller does with each candidate read back; false when it wants no more. */
    interface Reader {
        boolean accept(Candidate candidate) throws IOException;
    }

    /**
     * Reads the candidates back in the order they were added, from the {@code from}-th (counted from 0), while
     * {@code reader} wants more. The spool can be read any number of times once the walk is done.
     */
    void read(long from, Reader reader) throws IOException {
        out.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (long i = 0; i < count; i++) {
                int root = in.readInt();
                long size = in.readLong();
                long modified = in.readLong();
                if (i < from) {
                    in.skipNBytes(in.readUnsignedShort());
                } else if (!reader.accept(new Candidate(root, in.readUTF(), size, modified))) {
                    return;
                }
            }
        } catch (EOFException e) {
            throw new IOException("the spool " + file + " ends early", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
