package dev.filecleanup.capture;

/**
 * Stands in for a Hibernate entity action in tests, with its session: all capture needs of them is what their
 * public getters return.
 */
public final class FakeAction {
    private final Session session;

    public FakeAction(Session session) {
        this.session = session;
    }

    public Session getSession() {
        return session;
    }

    public Object getId() {
        return 1L;
    }

    /** A session of a tenant (null without multi-tenancy). */
    public static final class Session {
        private final String tenant;

        public Session(String tenant) {
            this.tenant = tenant;
        }

        public String getTenantIdentifier() {
            return tenant;
        }
    }
}
