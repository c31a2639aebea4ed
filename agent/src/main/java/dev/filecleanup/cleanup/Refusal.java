package dev.filecleanup.cleanup;

/**
 * Why a released value may not be deleted. The tag is what operators see as the reason of a refusal, in the
 * MBean and in the meters, so it stays stable across versions while the logged detail may change.
 */
public enum Refusal {
    BLANK_VALUE("blank_value"),
    NO_ROOTS("no_roots"),
    INVALID_PATH("invalid_path"),
    OUTSIDE_ROOTS("outside_roots"),
    ROOT_MISSING("root_missing"),
    SYMBOLIC_LINK("symbolic_link"),
    DIRECTORY("directory"),
    NOT_REGULAR_FILE("not_regular_file"),
    UNINSPECTABLE("uninspectable");

    private final String tag;

    Refusal(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
