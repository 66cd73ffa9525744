package dev.deskassist.core.adapter;

import dev.deskassist.core.DeskAssistException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An adapter's configuration is missing required values or holds ones that cannot be read.
 * {@link #problems()} lists every problem found (a {@link HelpdeskConfig#validate()} reports all
 * at once), each naming the key, where it was found and what it should contain, never a value.
 */
public class AdapterConfigException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public AdapterConfigException(String message) {
        this(message, (Throwable) null);
    }

    public AdapterConfigException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new ConfigProblem(null, null, message));
    }

    /** One problem with a key. */
    public AdapterConfigException(ConfigProblem problem) {
        this(List.of(Objects.requireNonNull(problem, "problem")));
    }

    /** Every problem found; at least one. */
    public AdapterConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return "configuration problem: " + problems.get(0);
        }
        return problems.size() + " configuration problems:" + problems.stream().map(p -> "\n  - " + p)
                .collect(Collectors.joining());
    }

    /** Each problem found, in the order the keys were checked. */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }
}
