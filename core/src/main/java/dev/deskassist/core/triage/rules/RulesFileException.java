package dev.deskassist.core.triage.rules;

import dev.deskassist.core.DeskAssistException;

/**
 * A taxonomy or policy file that cannot be used: malformed JSON, a missing or wrongly typed
 * field, an invalid regular expression, a duplicate id. The message names the file and the
 * place in it, such as {@code taxonomy.json: categories[2].rules[0].patterns[1]: invalid regex ...}.
 */
public class RulesFileException extends DeskAssistException {

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

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** Where in the file, as a JSON path such as {@code categories[2].group}; empty for the whole file. */
    public String location() {
        return location;
    }
}
