package dev.filecleanup.journal;

import java.util.BitSet;

/**
 * Which entries of a file journal are still waiting, which failed, and which belong to a transaction that has not
 * ended: one bit each, since entries are numbered in order. Memory follows the span between the oldest entry still
 * of interest and the newest, not the journal's size. Not thread-safe: {@link FileJournal} guards it.
 */
final class EntrySet {
    private static final int REBASE_AT = 1 << 20;

    private final BitSet live = new BitSet();
    private final BitSet failed = new BitSet();
    private final BitSet open = new BitSet();
    private long base = 1;
    private long next = 1;

    /** A record read back from the file when the journal opens. */
    void replayed(JournalRecords.Record record) {
        int index = index(record.number());
        switch (record.kind()) {
            case JournalRecords.ADDED -> live.set(index);
            case JournalRecords.SETTLED -> {
                live.clear(index);
                failed.clear(index);
            }
            default -> {
                live.clear(index);
                failed.set(index);
            }
        }
        next = Math.max(next, record.number() + 1);
    }

    long add() {
        long number = next++;
        live.set(index(number));
        open.set(index(number));
        return number;
    }

    /**
     * The entry is no longer held in memory: its transaction rolled back, or it is left to the journal. True when
     * it rolled back and the entry was still waiting: now settled.
     */
    boolean completed(long number, boolean committed) {
        int index = index(number);
        if (index < 0) {
            return false;
        }
        open.clear(index);
        if (!committed && live.get(index)) {
            live.clear(index);
            return true;
        }
        return false;
    }

    /** Settles a waiting entry, as failed or not; false when it was not waiting. */
    boolean settled(long number, boolean asFailed) {
        int index = index(number);
        if (index < 0 || !live.get(index)) {
            return false;
        }
        live.clear(index);
        open.clear(index);
        if (asFailed) {
            failed.set(index);
        }
        return true;
    }

    /** Neither settled nor failed, and its transaction has ended (or ended in an earlier run). */
    boolean waiting(long number) {
        int index = index(number);
        return index >= 0 && live.get(index) && !open.get(index);
    }

    long waitingCount() {
        BitSet waiting = (BitSet) live.clone();
        waiting.andNot(open);
        return waiting.cardinality();
    }

    long failed() {
        return failed.cardinality();
    }

    /** Whether the entries worth keeping take up less than half of a file of {@code bytes}. */
    boolean mostlySettled(long bytes) {
        return (live.cardinality() + failed.cardinality()) * 256L < bytes / 2;
    }

    /** The entries a compaction keeps; the numbering is rebased first when a long run of them is over. */
    Snapshot snapshot() {
        BitSet kept = (BitSet) live.clone();
        kept.or(failed);
        BitSet any = (BitSet) kept.clone();
        any.or(open);
        int first = any.nextSetBit(0);
        int shift = first < 0 ? (int) (next - base) : first;
        if (shift > REBASE_AT) {
            shift(live, shift);
            shift(failed, shift);
            shift(open, shift);
            kept = shift(kept, shift);
            base += shift;
        }
        return new Snapshot(kept, base);
    }

    private static BitSet shift(BitSet bits, int by) {
        BitSet shifted = bits.get(by, Math.max(by, bits.length()));
        bits.clear();
        bits.or(shifted);
        return bits;
    }

    /** A negative index for numbers before the base: entries long settled. */
    private int index(long number) {
        long index = number - base;
        if (index > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("journal entry numbers span more than 2^31 entries still of interest");
        }
        return index < 0 ? -1 : (int) index;
    }

    record Snapshot(BitSet kept, long base) {
        boolean keeps(long number) {
            long index = number - base;
            return index >= 0 && kept.get((int) index);
        }
    }
}
