package dev.filecleanup.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/** An {@link EntityStates} for tests: each test overrides what its code under test asks; the rest fails. */
class FakeStates implements EntityStates {
    /** Hibernate's mark for a lazy attribute never fetched, as these states know it. */
    static final Object UNFETCHED = new Object();

    @Override
    public Object persister(Object session, String entityName, Object entity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object id(Object persister, Object entity, Object session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object[] values(Object persister, Object entity) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object[] row(Object persister, Object id, Object session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unfetched(Object value) {
        return value == UNFETCHED;
    }

    @Override
    public Connection connection(Object session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DatabaseCascades.Table> tables(Object persister) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int bindId(Object persister, Object id, PreparedStatement statement, int index, Object session) {
        throw new UnsupportedOperationException();
    }
}
