package dev.deskassist.core.writeback;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import java.util.List;

/** A write-back policy file that cannot be used; the message names the file, where and what is wrong. */
public class WriteBackPolicyException extends ConfigFileException {

    private static final long serialVersionUID = 1L;

    /** Every problem the schema check found (file, line, column, pointer, what was expected). */
    public WriteBackPolicyException(List<ConfigFileProblem> problems) {
        super(problems);
    }

    public WriteBackPolicyException(String message) {
        super(message);
    }

    public WriteBackPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
