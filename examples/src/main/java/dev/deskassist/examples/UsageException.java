package dev.deskassist.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command was called with wrong or missing options or input; the message says which. The
 * command line reports it like picocli's own usage errors: the message, where to find help, and
 * exit code 2 ({@link dev.deskassist.examples.cli.Failures}).
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** The check every {@code --config DIR} option makes before loading: the directory must exist. */
    static void requireConfigDirectory(Path config) {
        if (!Files.isDirectory(config)) {
            throw new UsageException("--config takes a config directory; none at " + config
                    + " ('deskassist init " + config + "' writes one)");
        }
    }
}
