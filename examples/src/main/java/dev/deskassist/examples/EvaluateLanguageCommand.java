package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.examples.eval.ClassificationReport;
import dev.deskassist.examples.eval.LabeledTexts;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-language}: language-detection accuracy of the offline detector on a labeled CSV,
 * on the whole text and on its first sentence only (to show short-text reliability).
 */
@Command(name = "evaluate-language", sortOptions = false,
        description = "Language-detection accuracy of the offline detector on a labeled CSV, on the whole text and "
                + "on its first sentence only.")
public final class EvaluateLanguageCommand implements Callable<Integer> {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The labeled CSV file.")
    Path file;

    // the columns of the multilingual support-ticket set the README's figures come from
    @Option(names = "--text-column", paramLabel = "C", description = "Column with the text (default: ${DEFAULT-VALUE}).")
    String textColumn = "body";

    @Option(names = "--label-column", paramLabel = "C",
            description = "Column with the language code (default: ${DEFAULT-VALUE}).")
    String labelColumn = "language";

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<LabeledTexts.Example> examples = LabeledTexts.csv(file, textColumn, labelColumn);
        NgramLanguageDetector detector = new NgramLanguageDetector();
        ClassificationReport whole = new ClassificationReport();
        ClassificationReport first = new ClassificationReport();
        long sentenceChars = 0;
        Progress progress = Progress.start(spec.qualifiedName(), examples.size(), spec.commandLine().getErr());
        for (LabeledTexts.Example e : examples) {
            progress.advance();
            String gold = e.label().toLowerCase(java.util.Locale.ROOT);
            whole.add(gold, detector.detect(e.text()).value());
            String sentence = firstSentence(e.text());
            sentenceChars += sentence.length();
            Decision<String> d = detector.detect(sentence);
            first.add(gold, d.value());
        }
        progress.close();
        double meanSentence = examples.isEmpty() ? 0 : (double) sentenceChars / examples.size();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("detector", "ngram-language");
            out.putAll(whole.toMap(10));
            Map<String, Object> fs = new LinkedHashMap<>(first.toMap(10));
            fs.put("meanChars", Math.round(meanSentence * 10) / 10.0);
            out.put("firstSentence", fs);
            w.println(JsonCodec.toJson(out));
        } else {
            w.println("language detection on " + file + " (whole text, first 300 chars analysed)");
            whole.toLines(10).forEach(w::println);
            w.println();
            w.printf("first sentence only (mean %.1f chars)%n", meanSentence);
            first.toLines(10).forEach(w::println);
        }
        return 0;
    }

    /** The first sentence or line with at least three letters; the whole text if there is none. */
    static String firstSentence(String text) {
        for (String piece : SENTENCE_END.split(text.strip())) {
            if (piece.codePoints().filter(Character::isLetter).count() >= 3) {
                return piece.strip();
            }
        }
        return text;
    }
}
