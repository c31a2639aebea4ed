package dev.filecleanup.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sweep at a time over a storage folder, among the JVMs that share it: a lock file per root, next to the root
 * (in the first folder above it that no root holds), never inside one, where a sweep would see it. The lock is
 * the operating system's ({@code fcntl} on Linux), so it goes with a JVM that dies; the file holds who took it,
 * for the message of the JVM that finds it taken. It is left in place: deleting it could race another JVM
 * that just opened it.
 */
final class SweepLock implements AutoCloseable {
    private final List<FileChannel> channels = new ArrayList<>();

    private SweepLock() {
    }

    /** The lock file of {@code realRoot}, outside all of {@code realRoots}. */
    static Path file(Path realRoot, List<Path> realRoots) {
        Path folder = realRoot.getParent();
        while (folder != null && inside(folder, realRoots)) {
            folder = folder.getParent();
        }
        Path name = realRoot.getFileName();
        return (folder == null ? realRoot.getRoot() : folder)
                .resolve(".filecleanup-sweep-" + (name == null ? "root" : name) + ".lock");
    }

    private static boolean inside(Path folder, List<Path> realRoots) {
        for (Path root : realRoots) {
            if (folder.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** Locks every root's file, or none: throws, naming the holder, when another sweep holds one. */
    static SweepLock take(List<Path> realRoots) throws IOException {
        SweepLock lock = new SweepLock();
        try {
            for (Path root : realRoots) {
                lock.lock(file(root, realRoots));
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // Closed with the others from here on, whatever fails: take() closes a lock it cannot complete.
        channels.add(channel);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ByteBuffer holder = ByteBuffer.allocate(512);
            channel.read(holder, 0);
            String who = new String(holder.array(), 0, holder.position(), StandardCharsets.UTF_8).trim();
            throw new IOException("another sweep holds " + file + (who.isEmpty() ? "" : " (" + who + ")"));
        }
        channel.truncate(0);
        String host = System.getenv("HOSTNAME");
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + (host == null ? "" : " on " + host)
                + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        channels.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
