package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.examples.eval.ClassificationReport;
import dev.deskassist.examples.eval.LabeledTexts;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-sentiment}: polarity accuracy and macro-F1 of the lexicon sentiment analyzer on
 * a labeled file, beside the majority-class baseline. The lexicon is not trained, so every row is
 * a test row. With {@code --train FILE} or {@code --folds N} it also trains the sentiment model
 * (see {@link SentimentEvaluation}) and reports the trained classifier and its blend with the lexicon.
 */
@Command(name = "evaluate-sentiment", sortOptions = false,
        description = "Polarity accuracy and macro-F1 of the lexicon sentiment analyzer on a labeled file, beside "
                + "the majority-class baseline; with --train or --folds also the trained sentiment model.")
public final class EvaluateSentimentCommand implements Callable<Integer> {

    /** The labeled sets the analyzer is measured on. */
    enum Format { AIRLINE, SB10K }

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The labeled file.")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "airline|sb10k",
            description = "airline: US airline tweets (CSV, English); sb10k: SB10k (TSV, German).")
    Format format;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Polarity threshold, to tune on a training file (default: the analyzer's).")
    Double threshold;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Also train the sentiment model on this file (same format) and score it on --file.")
    Path train;

    @Option(names = "--folds", paramLabel = "N",
            description = "Also cross-validate the trained sentiment model on --file with N folds (stratified).")
    Integer folds;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<LabeledTexts.Example> examples = read(file, format);
        String language = format == Format.AIRLINE ? "en" : "de";
        String formatName = format.name().toLowerCase(Locale.ROOT);
        if (train != null || folds != null) {
            if (train != null && folds != null) {
                throw new UsageException("give either --train FILE or --folds N, not both");
            }
            return SentimentEvaluation.run(file, formatName, examples, language,
                    train == null ? null : train.toString(), train == null ? null : read(train, format),
                    folds == null ? 5 : folds, json, w);
        }
        // --threshold exists to tune on a train file; report test figures with the default
        LexiconSentimentAnalyzer analyzer = threshold != null
                ? LexiconSentimentAnalyzer.builder().threshold(threshold).build()
                : LexiconSentimentAnalyzer.defaults();
        ClassificationReport report = new ClassificationReport();
        Progress progress = Progress.start(spec.qualifiedName(), examples.size(), spec.commandLine().getErr());
        for (LabeledTexts.Example e : examples) {
            progress.advance();
            report.add(e.label().toLowerCase(Locale.ROOT),
                    SentimentEvaluation.polarity(analyzer.analyze(e.text(), language)));
        }
        progress.close();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("format", formatName);
            out.put("analyzer", "lexicon-sentiment");
            out.putAll(report.toMap(6));
            w.println(JsonCodec.toJson(out));
        } else {
            w.println("sentiment on " + file + " (" + formatName + ", language " + language + ", all rows)");
            report.toLines(6).forEach(w::println);
        }
        return 0;
    }

    static List<LabeledTexts.Example> read(Path file, Format format) throws java.io.IOException {
        return switch (format) {
            // US airline tweets: header row, label in airline_sentiment
            case AIRLINE -> LabeledTexts.csv(file, "text", "airline_sentiment");
            // SB10k: no header; id, label, tweet, then lemmas and tags
            case SB10K -> LabeledTexts.tsv(file, 2, 1);
        };
    }
}
