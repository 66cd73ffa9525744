package dev.deskassist.examples;

import java.util.List;

/** One subcommand of {@code deskassist.jar}. */
public interface Command {

    String name();

    /** One line for the usage listing. */
    String summary();

    /** Runs the command; the return value is the process exit code. */
    int run(List<String> args) throws Exception;
}
