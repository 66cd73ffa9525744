package dev.deskassist.examples;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.encoder.EncoderIntentModel;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.EngineSettings;
import dev.deskassist.examples.config.Setup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check DIR}: every problem of a config directory at once ({@link ConfigDirectory#check}),
 * each with its file and line/column or key and what to do; when there are none, loads it the way
 * {@code serve} would (training the model if the directory holds training data) and prints what it
 * found. Makes no network connection.
 */
@Command(name = "check", sortOptions = false,
        description = "Check a config directory the way serve loads it and list every problem at once: file:line:column "
                + "or key, and what to do. Secrets are read from the environment variables the files name.",
        footerHeading = "%n", footer = {"No network connection is made; serve also checks at start that the LLM "
                + "endpoints it uses answer.",
                "Exit codes: 0 ready (an 'ok:' summary on standard output), 1 problems (listed on standard error), "
                        + "2 wrong usage."})
public final class CheckCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The config directory ('deskassist init DIR' writes one).")
    Path dir;

    public CheckCommand() {
        this(System.getenv());
    }

    /** With the environment given, for tests and for embedding in another tool. */
    public CheckCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        // load runs every check that check() runs, and trains as serve would: one pass over the files
        Setup setup;
        try {
            setup = ConfigDirectory.load(dir, env);
        } catch (ConfigFileException e) {
            return ProblemList.notReady(spec, dir, e);
        }
        spec.commandLine().getOut().println("ok: " + summary(setup));
        return 0;
    }

    /** What a loaded setup holds, in one line. */
    static String summary(Setup setup) {
        EngineSettings e = setup.engineSettings();
        List<String> helpdesks = setup.serve().map(s -> s.helpdesks()).orElse(List.of());
        String model = setup.trainingData().map(t -> "intent model trained from "
                + shown(setup, ConfigDirectory.File.TRAINING_DATA) + " (" + t.size()
                + " examples, " + setup.trainTime().toMillis() + " ms)")
                .orElse("intent model " + shown(setup, ConfigDirectory.File.MODEL) + tier(setup));
        return setup.directory() + ": " + (helpdesks.isEmpty() ? "no helpdesk" : helpdesks.size() + " helpdesk"
                + (helpdesks.size() == 1 ? "" : "s") + " (" + String.join(", ", helpdesks) + ")") + ", "
                + setup.taxonomy().categories().size() + " categories, " + setup.knowledgeBase().articles().size()
                + " knowledge-base articles, " + model + ", engines: triage " + e.triage() + ", draft " + e.draft()
                + ", summary " + e.summary() + (e.privateEndpoint().isPresent() ? ", private endpoint for sensitive "
                + "tickets" : "");
    }

    /** For an encoder-tier model file, whether its encoder runs here or it falls back to its n-gram tier. */
    private static String tier(Setup setup) {
        if (!(setup.model() instanceof EncoderIntentModel m)) {
            return "";
        }
        return m.encoderActive()
                ? " (encoder tier: " + m.encoderKind().id() + " for " + String.join(",", m.encoderLanguages()) + ")"
                : " (n-gram tier only: " + m.fallbackReason().orElse("encoder unavailable") + ")";
    }

    private static String shown(Setup setup, ConfigDirectory.File file) {
        Path p = setup.path(file);
        try {
            return setup.directory().relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return p.toString(); // an absolute path outside a relative directory
        }
    }
}
