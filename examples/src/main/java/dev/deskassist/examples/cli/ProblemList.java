package dev.deskassist.examples.cli;

import dev.deskassist.core.config.ConfigFileProblem;
import java.io.PrintWriter;
import java.util.List;

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
}
