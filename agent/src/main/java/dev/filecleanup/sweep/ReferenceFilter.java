package dev.filecleanup.sweep;

import java.nio.charset.StandardCharsets;

/**
 * A Bloom filter of the paths that rows reference: a fixed number of bits, whatever the number of rows, so that a
 * sweep's memory does not grow with the database. It answers "maybe referenced" for every path added, and for a
 * few others (a false positive): such a file is kept, never deleted. Sized at 16 bits a path with 8 hashes, about
 * one false positive in 1,700, until the cap, beyond which more orphans are kept.
 */
final class ReferenceFilter {
    static final int HASHES = 8;
    static final long MIN_BITS = 1L << 20;
    /** 32 MiB of bits: 16 bits for each of 16 million paths. */
    static final long MAX_BITS = 1L << 28;

    private final long[] words;
    private final long mask;
    private long added;

    /** {@code expected}: how many paths will be added. */
    ReferenceFilter(long expected) {
        long bits = MIN_BITS;
        while (bits < MAX_BITS && bits < expected * 16) {
            bits <<= 1;
        }
        this.words = new long[(int) (bits >>> 6)];
        this.mask = bits - 1;
    }

    void add(String path) {
        long hash = hash(path);
        long step = (hash >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (hash + i * step) & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(String path) {
        long hash = hash(path);
        long step = (hash >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (hash + i * step) & mask;
            if ((words[(int) (bit >>> 6)] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes held by the bits: the sweep's memory bound. */
    long bytes() {
        return words.length * 8L;
    }

    long added() {
        return added;
    }

    /** The share of set bits: near 1 the filter answers "maybe" to everything, and keeps every orphan. */
    double fill() {
        long set = 0;
        for (long word : words) {
            set += Long.bitCount(word);
        }
        return (double) set / (words.length * 64L);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, finished with a MurmurHash3 mix so that both halves spread. */
    private static long hash(String path) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ hash >>> 33;
    }
}
