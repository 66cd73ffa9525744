package dev.deskassist.examples;

import dev.deskassist.examples.cli.Failures;
import dev.deskassist.examples.config.ConfigScaffold;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code init DIR}: writes a new config directory from the Nordwind Shop sample, with comments
 * ({@link ConfigScaffold}), and says what to do next. Never overwrites: a directory that is not
 * empty is refused with exit code 1.
 */
@Command(name = "init", sortOptions = false,
        description = "Write a new config directory from the Nordwind Shop sample, with comments: "
                + "deskassist.properties, taxonomy, training data, knowledge base and policies, to edit.",
        footerHeading = "%n", footer = {"Writes only into a new or empty directory and never overwrites. "
                + "Next: 'deskassist check DIR', then 'deskassist serve --config DIR'.",
                "Exit codes: 0 written, 1 the directory is not empty or cannot be written, 2 wrong usage."})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The directory to create (it may exist if it is empty).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> written;
        try {
            written = ConfigScaffold.init(dir);
        } catch (FileAlreadyExistsException e) {
            err.println(spec.qualifiedName() + ": " + dir + " " + (e.getReason() == null ? "exists" : e.getReason())
                    + "; choose a new directory name, or empty this one first");
            err.flush();
            return Failures.FAILURE;
        }
        out.println("wrote " + written.size() + " files to " + dir.toAbsolutePath().normalize() + ":");
        for (Path p : written) {
            if (!p.startsWith("kb")) {
                out.println("  " + p.toString().replace('\\', '/'));
            }
        }
        long articles = written.stream().filter(p -> p.startsWith("kb")).count();
        out.println("  kb/ (" + articles + " knowledge-base files)");
        out.println();
        out.println("next:");
        out.println("  1. edit " + dir.resolve("deskassist.properties") + ": your helpdesk's URL, user, field and "
                + "group ids (README.txt says what each file is)");
        out.println("  2. export the secrets it names: ZENDESK_API_TOKEN, ZENDESK_WEBHOOK_SECRET");
        out.println("  3. deskassist check " + dir + "      (lists every problem at once)");
        out.println("  4. deskassist serve --config " + dir);
        return 0;
    }
}
