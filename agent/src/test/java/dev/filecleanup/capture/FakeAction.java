package dev.filecleanup.capture;

/** Stands in for a Hibernate entity action in tests: all capture needs of one is its public getSession(). */
public final class FakeAction {
    private final Object session;

    public FakeAction(Object session) {
        this.session = session;
    }

    public Object getSession() {
        return session;
    }
}
