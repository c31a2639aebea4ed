package dev.filecleanup.capture;

/**
 * A file value that committed data may have stopped referencing, with where it came from; or, with the cause
 * {@link Cause#WRITTEN}, one that a transaction wrote and that committed data may never reference.
 *
 * @param value     the value as stored
 * @param entity    the entity that released it, for the log
 * @param attribute the attribute that held it, for the log
 * @param cause     how it was released
 * @param column    the column the attribute is stored in ({@code table.column})
 * @param tenant    the releasing session's tenant, or null without multi-tenancy
 */
public record ReleasedFile(String value, String entity, String attribute, Cause cause, String column,
                           Object tenant) {

    public enum Cause {
        REMOVED("removed"),
        REPLACED("replaced"),
        /**
         * Not released: written by an insert or update, and checked after {@code filecleanup.rollbackCleanup}
         * only if its transaction rolls back; never journaled.
         */
        WRITTEN("written by a rolled-back transaction");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public String origin() {
        return entity + "." + attribute + " " + cause;
    }
}
