package dev.filecleanup.journal;

import dev.filecleanup.Log;
import dev.filecleanup.cleanup.ConnectionState;
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
 * Rows of one outbox leased to this node under {@code owner}. Outcomes are collected as the files are dealt with,
 * then applied at once, on a connection borrowed for that: settled rows are removed, failed ones marked, and the
 * rest released for a later round. Rows whose lease ran out meanwhile, and that another node took, are left alone.
 */
final class Claim {
    private static final int CHUNK = 500;

    private final Outbox outbox;
    private final String owner;
    private final List<Journal.Entry> entries;
    private final Set<Long> numbers = new HashSet<>();
    private final List<Long> settled = new ArrayList<>();
    private final Map<Long, String> failed = new LinkedHashMap<>();

    Claim(Outbox outbox, String owner, List<Journal.Entry> entries) {
        this.outbox = outbox;
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

    /** Applies the outcomes and lets go of the rows. Never throws: rows it cannot update stay leased until expiry. */
    void finish() {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = null;
        ConnectionState state = null;
        try {
            connection = outbox.model().openConnection(null);
            state = ConnectionState.of(connection);
            connection.setAutoCommit(false);
            for (List<Long> chunk : chunks(settled)) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + outbox.table()
                        + " where id in (" + marks(chunk.size()) + ") and lease_owner = ?")) {
                    int index = bind(delete, 1, chunk);
                    delete.setString(index, owner);
                    delete.executeUpdate();
                }
            }
            for (Map.Entry<Long, String> failure : failed.entrySet()) {
                try (PreparedStatement mark = connection.prepareStatement("update " + outbox.table()
                        + " set failure = ?, lease_owner = null, lease_until = null"
                        + " where id = ? and lease_owner = ?")) {
                    mark.setString(1, failure.getValue());
                    mark.setLong(2, failure.getKey());
                    mark.setString(3, owner);
                    mark.executeUpdate();
                }
            }
            try (PreparedStatement release = connection.prepareStatement("update " + outbox.table()
                    + " set lease_owner = null, lease_until = null where lease_owner = ?")) {
                release.setString(1, owner);
                release.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // The rows stay leased: when the lease runs out, this node or another deals with their files again.
            Log.warn("could not update the table journal {} of SessionFactory '{}': {}", outbox.table(),
                    outbox.factory(), e.toString());
        } finally {
            if (connection != null) {
                if (state != null) {
                    state.restore(connection);
                }
                try {
                    outbox.model().closeConnection(null, connection);
                } catch (SQLException | RuntimeException e) {
                    Log.debug("could not give back a connection of SessionFactory '{}': {}", outbox.factory(),
                            e.toString());
                }
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
