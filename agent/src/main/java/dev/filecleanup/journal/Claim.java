package dev.filecleanup.journal;

import dev.filecleanup.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of one outbox that this node works on: locked in an open transaction ({@code SKIP LOCKED}), or leased
 * under {@code owner}. Outcomes are collected as the files are dealt with, then applied at once: settled rows
 * are removed, failed ones marked, and the rest released for a later round.
 */
final class Claim {
    private static final int CHUNK = 500;

    private final Outbox outbox;
    private final Connection connection;
    private final String owner;
    private final List<Journal.Entry> entries;
    private final Set<Long> numbers = new HashSet<>();
    private final List<Long> settled = new ArrayList<>();
    private final Map<Long, String> failed = new LinkedHashMap<>();

    Claim(Outbox outbox, Connection connection, String owner, List<Journal.Entry> entries) {
        this.outbox = outbox;
        this.connection = connection;
        this.owner = owner;
        this.entries = entries;
        entries.forEach(entry -> numbers.add(entry.number()));
    }

    List<Journal.Entry> entries() {
        return entries;
    }

    /** Records an outcome; false when the entry is not one of this claim's. */
    boolean settle(long number) {
        return numbers.contains(number) && settled.add(number);
    }

    boolean fail(long number, String reason) {
        if (!numbers.contains(number)) {
            return false;
        }
        failed.put(number, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        return true;
    }

    /** Applies the outcomes and lets go of the rows; always gives the connection back. */
    void finish() {
        String lease = owner == null ? "" : " and lease_owner = ?";
        try {
            for (List<Long> chunk : chunks(settled)) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + outbox.table()
                        + " where id in (" + marks(chunk.size()) + ")" + lease)) {
                    int index = bind(delete, 1, chunk);
                    if (owner != null) {
                        delete.setString(index, owner);
                    }
                    delete.executeUpdate();
                }
            }
            for (Map.Entry<Long, String> failure : failed.entrySet()) {
                try (PreparedStatement mark = connection.prepareStatement("update " + outbox.table()
                        + " set failure = ?, lease_owner = null, lease_until = null where id = ?" + lease)) {
                    mark.setString(1, failure.getValue());
                    mark.setLong(2, failure.getKey());
                    if (owner != null) {
                        mark.setString(3, owner);
                    }
                    mark.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // The rows stay: the next claim, here or on another node, deals with their files again.
            Log.warn("could not update the table journal {} of SessionFactory '{}': {}", outbox.table(),
                    outbox.factory(), e.toString());
            Outbox.rollbackQuietly(connection);
        } finally {
            try {
                outbox.model().closeConnection(null, connection);
            } catch (SQLException | RuntimeException e) {
                Log.debug("could not give back a connection of SessionFactory '{}': {}", outbox.factory(),
                        e.toString());
            }
        }
    }

    static List<List<Long>> chunks(List<Long> numbers) {
        if (numbers.isEmpty()) {
            return Collections.emptyList();
        }
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            chunks.add(numbers.subList(from, Math.min(numbers.size(), from + CHUNK)));
        }
        return chunks;
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static int bind(PreparedStatement statement, int index, List<Long> numbers) throws SQLException {
        for (Long number : numbers) {
            statement.setLong(index++, number);
        }
        return index;
    }
}
