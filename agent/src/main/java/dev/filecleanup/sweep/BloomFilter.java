package dev.filecleanup.sweep;

import java.nio.charset.StandardCharsets;

/**
 * A Bloom filter of strings (the paths that rows reference, or file names): a fixed number of bits, whatever the
 * number of rows or files, so that a sweep's memory does not grow with them. It answers "maybe" for every string
 * added, and for a few others (a false positive), which the sweep always takes the safe way: a file kept, or a
 * file checked exactly. Sized at 16 bits a string with 8 hashes, about one false positive in 1,700, until the cap,
 * beyond which there are more.
 */
final class BloomFilter {
    static final int HASHES = 8;
    static final long MIN_BITS = 1L << 20;
    /** 32 MiB of bits: 16 bits for each of 16 million strings. */
    static final long MAX_BITS = 1L << 28;

    private final long[] words;
    private final long mask;
    private long added;

    /** {@code expected}: how many strings will be added. */
    BloomFilter(long expected) {
        long bits = MIN_BITS;
        while (bits < MAX_BITS && bits < expected * 16) {
            bits <<= 1;
        }
        this.words = new long[(int) (bits >>> 6)];
        this.mask = bits - 1;
    }

    void add(String value) {
        long hash = hash(value);
        long step = (hash >>> 32) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (hash + i * step) & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(String value) {
        long hash = hash(value);
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

    /** 64-bit FNV-1a over the UTF-8 bytes, finished with a MurmurHash3 mix so that both halves spread. */
    private static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
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
