package dev.filecleanup.capture;

/** A file value that committed data may have stopped referencing, with where it came from (for the log). */
public record ReleasedFile(String value, String entity, String attribute, Cause cause) {

    public enum Cause {
        REMOVED("removed"),
        REPLACED("replaced");

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
