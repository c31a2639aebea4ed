package dev.filecleanup.config;

import java.util.List;

/**
 * The configuration cannot be used, for the reasons listed, each naming the setting and where its value came
 * from. The message says them all in one line, without a Java class name: it is meant for an operator.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each mistake, in the order of the configuration table, followed by the unknown keys. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder().append(problems.size()).append(" configuration mistakes: ");
        for (int i = 0; i < problems.size(); i++) {
            message.append(i == 0 ? "(" : "; (").append(i + 1).append(") ").append(problems.get(i));
        }
        return message.toString();
    }
}
