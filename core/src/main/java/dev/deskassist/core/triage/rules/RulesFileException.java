package dev.deskassist.core.triage.rules;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import java.util.List;

/**
 * A taxonomy or policy file that cannot be used: malformed JSON, a missing or wrongly typed
 * field, an invalid regular expression, a duplicate id. The message names the file and the
 * place in it, such as {@code taxonomy.json: categories[2].rules[0].patterns[1]: invalid regex ...};
 * schema problems come as a list ({@link #problems()}) with line and column.
 */
public class RulesFileException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;

    public RulesFileException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public RulesFileException(String source, String location, String problem, Throwable cause) {
        super(source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.source = source;
        this.location = location;
    }

    /** Every problem the schema check found (file, line, column, pointer, what was expected). */
    public RulesFileException(List<ConfigFileProblem> problems) {
        super(problems);
        this.source = problems.get(0).file();
        this.location = problems.get(0).pointer();
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** Where in the file, as a JSON path such as {@code categories[2].group}; empty for the whole file. */
    public String location() {
        return location;
    }
}
