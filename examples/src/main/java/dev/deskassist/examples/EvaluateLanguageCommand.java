package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.examples.eval.ClassificationReport;
import dev.deskassist.examples.eval.LabeledTexts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code evaluate-language}: language-detection accuracy of the offline detector on a labeled CSV,
 * on the whole text and on its first sentence only (to show short-text reliability).
 */
public final class EvaluateLanguageCommand implements Command {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    @Override
    public String name() {
        return "evaluate-language";
    }

    @Override
    public String summary() {
        return "language detection accuracy on a labeled CSV: --file F [--text-column body] [--label-column language] [--json]";
    }

    @Override
    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("json"));
        Path file = Path.of(args.require("file"));
        List<LabeledTexts.Example> examples = LabeledTexts.csv(file, args.get("text-column").orElse("body"),
                args.get("label-column").orElse("language"));
        NgramLanguageDetector detector = new NgramLanguageDetector();
        ClassificationReport whole = new ClassificationReport();
        ClassificationReport first = new ClassificationReport();
        long sentenceChars = 0;
        for (LabeledTexts.Example e : examples) {
            String gold = e.label().toLowerCase(java.util.Locale.ROOT);
            whole.add(gold, detector.detect(e.text()).value());
            String sentence = firstSentence(e.text());
            sentenceChars += sentence.length();
            Decision<String> d = detector.detect(sentence);
            first.add(gold, d.value());
        }
        double meanSentence = examples.isEmpty() ? 0 : (double) sentenceChars / examples.size();
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("detector", "ngram-language");
            out.putAll(whole.toMap(10));
            Map<String, Object> fs = new LinkedHashMap<>(first.toMap(10));
            fs.put("meanChars", Math.round(meanSentence * 10) / 10.0);
            out.put("firstSentence", fs);
            System.out.println(JsonCodec.toJson(out));
        } else {
            System.out.println("language detection on " + file + " (whole text, first 300 chars analysed)");
            whole.toLines(10).forEach(System.out::println);
            System.out.println();
            System.out.printf("first sentence only (mean %.1f chars)%n", meanSentence);
            first.toLines(10).forEach(System.out::println);
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
