package dev.deskassist.examples.cli;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints configuration problems the way every command shows them: a heading that counts them,
 * then one line each, {@code file:line:column: at pointer-or-key: what is wrong and what to do}.
 */
public final class ProblemList {

    private ProblemList() {
    }

    /** {@code <command>: <what>, N problems:} and one indented line per problem; flushes. */
    public static void print(PrintWriter w, String command, String what, List<ConfigFileProblem> problems) {
        w.println(command + ": " + what + ", " + (problems.size() == 1 ? "one problem" : problems.size() + " problems")
                + ":");
        for (ConfigFileProblem p : problems) {
            w.println("  " + p);
        }
        w.flush();
    }

    /**
     * Reports on the command's standard error that config directory {@code dir} is not ready,
     * with its problems, and returns the exit code of a failure ({@link Failures#FAILURE}).
     */
    public static int notReady(CommandSpec spec, Path dir, ConfigFileException e) {
        print(spec.commandLine().getErr(), spec.qualifiedName(), dir + " is not ready", e.problems());
        return Failures.FAILURE;
    }
}
