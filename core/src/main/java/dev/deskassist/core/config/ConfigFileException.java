package dev.deskassist.core.config;

import dev.deskassist.core.DeskAssistException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration file (taxonomy, policy, knowledge-base entry, properties) that cannot be used.
 * {@link #problems()} lists every problem found, each with file, line, column, JSON pointer and
 * what was expected, so that a user fixes them all in one go. The loaders' own exception types
 * ({@code RulesFileException}, {@code PolicyException}, {@code WriteBackPolicyException}) extend it.
 */
public class ConfigFileException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigFileProblem> problems;

    /** Every problem found; at least one. */
    public ConfigFileException(List<ConfigFileProblem> problems) {
        this(problems, null);
    }

    public ConfigFileException(List<ConfigFileProblem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** One problem described only by a message (which names the file). */
    public ConfigFileException(String message) {
        this(message, null);
    }

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new ConfigFileProblem(null, 0, 0, "", Objects.requireNonNull(message, "message")));
    }

    private static String message(List<ConfigFileProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:" + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }

    /** Each problem, in file order. */
    public List<ConfigFileProblem> problems() {
        return problems == null ? List.of() : problems;
    }
}
