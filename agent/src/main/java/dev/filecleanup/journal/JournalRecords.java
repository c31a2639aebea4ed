package dev.filecleanup.journal;

import dev.filecleanup.capture.ReleasedFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The journal file's records: {@code length, crc32c, payload}, the payload a kind, an entry number and, for an
 * added value, its fields. A record that is cut short or fails its checksum ends the readable part of the file:
 * that is what a crash in the middle of an append leaves.
 */
final class JournalRecords {
    static final byte[] MAGIC = {'F', 'C', 'J', '1'};
    static final byte ADDED = 1;
    static final byte SETTLED = 2;
    static final byte FAILED = 3;
    private static final int HEADER = 8;
    private static final int MAX_PAYLOAD = 1 << 20;

    private JournalRecords() {
    }

    /**
     * One whole record, its kind and number read; the rest is decoded on demand, so that a scan for a few
     * entries costs little more than the checksums. {@link #file} and {@link #at} (when it was written, epoch
     * milliseconds) only for {@link #ADDED}, {@link #reason} only for {@link #FAILED}.
     */
    record Record(byte kind, long number, ByteBuffer body) {
        ReleasedFile file() {
            ByteBuffer in = body.duplicate().position(8);
            String value = string(in);
            String entity = string(in);
            String attribute = string(in);
            ReleasedFile.Cause cause = ReleasedFile.Cause.values()[in.get()];
            String column = string(in);
            String tenant = string(in);
            return new ReleasedFile(value, entity, attribute, cause, column, tenant);
        }

        long at() {
            return body.getLong(0);
        }

        String reason() {
            return string(body.duplicate());
        }
    }

    static byte[] added(long number, ReleasedFile file, long at) {
        return frame(ADDED, number, out -> {
            out.writeLong(at);
            string(out, file.value());
            string(out, file.entity());
            string(out, file.attribute());
            out.writeByte(file.cause().ordinal());
            string(out, file.column());
            // A tenant is written by its text: replay hands that text back, and checks with it.
            string(out, file.tenant() == null ? null : file.tenant().toString());
        });
    }

    static byte[] settled(long number) {
        return frame(SETTLED, number, out -> { });
    }

    static byte[] failed(long number, String reason) {
        return frame(FAILED, number, out -> string(out, reason));
    }

    /** Reads the record at the buffer's position, or returns null, leaving the position, when none is whole there. */
    static Record read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.remaining() < HEADER) {
            return null;
        }
        int length = buffer.getInt();
        int crc = buffer.getInt();
        if (length < 9 || length > MAX_PAYLOAD || buffer.remaining() < length) {
            buffer.position(start);
            return null;
        }
        byte[] payload = new byte[length];
        buffer.get(payload);
        CRC32C check = new CRC32C();
        check.update(payload);
        if ((int) check.getValue() != crc) {
            buffer.position(start);
            return null;
        }
        try {
            return decode(ByteBuffer.wrap(payload));
        } catch (RuntimeException e) {
            buffer.position(start);
            return null;
        }
    }

    private static Record decode(ByteBuffer in) {
        byte kind = in.get();
        long number = in.getLong();
        if (kind != ADDED && kind != SETTLED && kind != FAILED) {
            throw new IllegalArgumentException("unknown record kind " + kind);
        }
        return new Record(kind, number, in.slice());
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] frame(byte kind, long number, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(kind);
            out.writeLong(number);
            body.write(out);
            byte[] payload = bytes.toByteArray();
            if (payload.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("a journal record of " + payload.length + " bytes");
            }
            CRC32C crc = new CRC32C();
            crc.update(payload);
            return ByteBuffer.allocate(HEADER + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                    .put(payload).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
