package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.examples.eval.ClassificationReport;
import dev.deskassist.examples.eval.LabeledTexts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate-sentiment}: polarity accuracy and macro-F1 of the lexicon sentiment analyzer on
 * a labeled file, beside the majority-class baseline. The lexicon is not trained, so every row is
 * a test row. With {@code --train FILE} or {@code --folds N} it also trains the sentiment model
 * (see {@link SentimentEvaluation}) and reports the trained classifier and its blend with the lexicon.
 */
public final class EvaluateSentimentCommand implements Command {

    @Override
    public String name() {
        return "evaluate-sentiment";
    }

    @Override
    public String summary() {
        return "sentiment polarity accuracy/macro-F1: --file F --format airline|sb10k [--train F | --folds N] [--json]";
    }

    @Override
    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("json"));
        Path file = Path.of(args.require("file"));
        String format = args.require("format");
        List<LabeledTexts.Example> examples = read(file, format);
        String language = format.equals("airline") ? "en" : "de";
        if (args.get("train").isPresent() || args.get("folds").isPresent()) {
            // two lines of the trained-model evaluation live in their own class
            return SentimentEvaluation.run(args, file, format, examples, language,
                    args.get("train").isPresent() ? read(Path.of(args.require("train")), format) : null);
        }
        // --threshold exists to tune on a train file; report test figures with the default
        LexiconSentimentAnalyzer analyzer = args.get("threshold").isPresent()
                ? LexiconSentimentAnalyzer.builder().threshold(Double.parseDouble(args.require("threshold"))).build()
                : LexiconSentimentAnalyzer.defaults();
        ClassificationReport report = new ClassificationReport();
        for (LabeledTexts.Example e : examples) {
            Decision<Sentiment> d = analyzer.analyze(e.text(), language);
            String predicted = d.hasValue() ? d.value().polarity().name().toLowerCase(Locale.ROOT) : "neutral";
            report.add(e.label().toLowerCase(Locale.ROOT), predicted);
        }
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("format", format);
            out.put("analyzer", "lexicon-sentiment");
            out.putAll(report.toMap(6));
            System.out.println(JsonCodec.toJson(out));
        } else {
            System.out.println("sentiment on " + file + " (" + format + ", language " + language + ", all rows)");
            report.toLines(6).forEach(System.out::println);
        }
        return 0;
    }

    static List<LabeledTexts.Example> read(Path file, String format) throws java.io.IOException {
        return switch (format) {
            // US airline tweets: header row, label in airline_sentiment
            case "airline" -> LabeledTexts.csv(file, "text", "airline_sentiment");
            // SB10k: no header; id, label, tweet, then lemmas and tags
            case "sb10k" -> LabeledTexts.tsv(file, 2, 1);
            default -> throw new UsageException("--format must be airline or sb10k, not " + format);
        };
    }
}
