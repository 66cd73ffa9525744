package dev.deskassist.core.draft;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import java.util.List;

/** A guardrail policy file is malformed; the message names the file and the offending entry. */
public class PolicyException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    /** Every problem the schema check found (file, line, column, pointer, what was expected). */
    public PolicyException(List<ConfigFileProblem> problems) {
        super(problems);
    }

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
