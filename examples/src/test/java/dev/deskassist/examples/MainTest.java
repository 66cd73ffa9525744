package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The real {@link Main} as a user meets it: help on every command and subcommand, usage errors
 * with exit code 2 and a hint, the version, and failures in words.
 */
class MainTest {

    /** A qualified Java class name or a stack frame: what a user should not see without --verbose. */
    private static final Pattern JAVA = Pattern.compile("[a-z]+\\.[a-z.]+\\.[A-Z]\\w*|Exception|\\tat ");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Every registered command and subcommand, as the words that call it ({@code [dead-letters, list]}). */
    private static List<List<String>> everyCommand() {
        List<List<String>> all = new ArrayList<>();
        CommandLine root = Main.commandLine(Main.commands(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        collect(root, List.of(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> words = new ArrayList<>(path);
            words.add(name);
            all.add(words);
            collect(sub, words, all);
        });
    }

    private static String[] with(List<String> words, String... more) {
        List<String> args = new ArrayList<>(words);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void everyCommandAndSubcommandHasHelpOnStandardOutput() {
        List<List<String>> commands = everyCommand();
        assertTrue(commands.size() >= 20, "commands and subcommands: " + commands);
        assertTrue(commands.containsAll(List.of(List.of("simulate", "zendesk"), List.of("simulate", "freshdesk"),
                List.of("simulate", "servicenow"), List.of("dead-letters", "list"), List.of("dead-letters", "purge"),
                List.of("replay"), List.of("train"), List.of("demo"))), commands.toString());
        for (List<String> words : commands) {
            for (String help : List.of("--help", "-h")) {
                Result r = run(with(words, help));
                assertEquals(0, r.code(), words + " " + help + ": " + r.err());
                assertTrue(r.out().contains("Usage: deskassist " + String.join(" ", words)), words + ": " + r.out());
                assertEquals("", r.err(), words.toString());
            }
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithExitCode2AndAHint() {
        for (List<String> words : everyCommand()) {
            if (words.equals(List.of("help"))) {
                continue;
            }
            Result r = run(with(words, "--no-such-option"));
            String name = "deskassist " + String.join(" ", words);
            assertEquals(2, r.code(), name + ": " + r.err());
            assertTrue(r.err().contains(name + ": Unknown option: '--no-such-option'"), r.err());
            assertTrue(r.err().contains("Try '" + name + " --help' for more information."), r.err());
            assertEquals("", r.out(), name);
        }
    }

    @Test
    void theIssuesExamplesBehave() {
        Result port = run("serve", "--port", "1");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("Unknown options: '--port', '1'"), port.err());

        Path model = dir.resolve("model.bin");
        Result outt = run("train", "--data", dir.resolve("t.jsonl").toString(), "--outt", model.toString());
        assertEquals(2, outt.code());
        assertTrue(outt.err().contains("'--outt'") && outt.err().contains("Possible solutions: --out"), outt.err());
        assertFalse(model.toFile().exists());

        Result demo = run("demo", "-h");
        assertEquals(0, demo.code());
        assertFalse(demo.out().contains("Nordwind Shop sample, offline engines"), "help, not the demo");

        Result typo = run("trian");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: deskassist train"), typo.err());

        Result extra = run("replay", "--all", "surplus");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("'surplus'"), extra.err());
    }

    @Test
    void withoutACommandTheUsageAndExitCode2() {
        Result r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: deskassist"), r.err());
        for (Object c : Main.commands()) {
            String name = new CommandLine(c).getCommandName();
            assertTrue(r.err().contains("  " + name + " "), name);
        }
        assertTrue(r.err().contains("Exit codes: 0 done, 1 failed while running, 2 wrong usage."), r.err());
    }

    @Test
    void versionFromTheManifestOrDevFromClasses() {
        Result r = run("--version");
        assertEquals(0, r.code());
        // tests run from compiled classes, which have no manifest; the jar's is checked by PackagedJarIT
        assertTrue(r.out().startsWith("deskassist dev" + System.lineSeparator()), r.out());
    }

    @Test
    void aFailureIsOneLineInWordsAndTheStackTraceOnlyWithVerbose() {
        String missing = dir.resolve("missing.jsonl").toString();
        Result plain = run("train", "--data", missing);
        assertEquals(1, plain.code());
        assertTrue(plain.err().startsWith("deskassist train: " + missing), plain.err());
        assertFalse(JAVA.matcher(plain.err()).find(), plain.err());

        Result verbose = run("train", "--data", missing, "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.err().contains("TrainingDataException") && verbose.err().contains("\tat "), verbose.err());

        // a JDK exception is put in words too
        Result jdk = run("evaluate-retrieval", "--set", dir.resolve("no-set.jsonl").toString());
        assertEquals(1, jdk.code());
        assertTrue(jdk.err().startsWith("deskassist evaluate-retrieval: no such file or directory: "), jdk.err());
        assertFalse(JAVA.matcher(jdk.err()).find(), jdk.err());
        Result jdkVerbose = run("--verbose", "evaluate-retrieval", "--set", dir.resolve("no-set.jsonl").toString());
        assertTrue(jdkVerbose.err().contains("NoSuchFileException"), jdkVerbose.err());
    }

    @Test
    void aUsageErrorFoundWhileRunningExits2WithTheHint() {
        Result r = run("demo", "--ticket", "NW-0000");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("deskassist demo: no sample ticket NW-0000 (known: "), r.err());
        assertTrue(r.err().contains("Try 'deskassist demo --help'"), r.err());
    }
}
