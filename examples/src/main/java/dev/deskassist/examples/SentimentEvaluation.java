package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.sentiment.SentimentModel;
import dev.deskassist.core.triage.sentiment.SentimentTrainer;
import dev.deskassist.core.triage.sentiment.SentimentTrainingResult;
import dev.deskassist.core.triage.sentiment.TrainedSentimentAnalyzer;
import dev.deskassist.examples.eval.ClassificationReport;
import dev.deskassist.examples.eval.LabeledTexts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The trained half of {@code evaluate-sentiment}: trains {@link SentimentTrainer} on a train file
 * and scores the test file, or cross-validates on one file ({@code --folds N}, stratified, seed 42).
 * Every blend weight is chosen inside the training part; the scored part is never seen in training.
 */
final class SentimentEvaluation {

    private static final String[] SYSTEMS = {"lexicon", "classifier", "blend"};

    private SentimentEvaluation() {
    }

    static int run(Path file, String format, List<LabeledTexts.Example> examples, String language,
            String trainName, List<LabeledTexts.Example> train, int folds, boolean json, PrintWriter w) {
        Map<String, ClassificationReport> reports = new LinkedHashMap<>();
        for (String s : SYSTEMS) {
            reports.put(s, new ClassificationReport());
        }
        List<Double> weights = new ArrayList<>();
        String protocol;
        if (train != null) {
            protocol = "trained on " + trainName + " (" + train.size() + " rows), scored on the file";
            SentimentTrainingResult r = SentimentTrainer.defaults().train(data(train, "train"), Set.of(language));
            score(r.model(), examples, language, reports);
            weights.add(r.model().lexiconWeight());
        } else {
            if (folds < 2) {
                throw new UsageException("--folds must be at least 2, not " + folds);
            }
            protocol = folds + "-fold cross-validation on the file (stratified, seed 42)";
            int[] fold = stratifiedFolds(examples, folds);
            for (int f = 0; f < folds; f++) {
                List<LabeledTexts.Example> in = new ArrayList<>();
                List<LabeledTexts.Example> out = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    (fold[i] == f ? out : in).add(examples.get(i));
                }
                SentimentTrainingResult r = SentimentTrainer.defaults().train(data(in, "fold " + f), Set.of(language));
                score(r.model(), out, language, reports);
                weights.add(r.model().lexiconWeight());
            }
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", file.toString());
            out.put("format", format);
            out.put("protocol", protocol);
            out.put("lexiconWeights", weights);
            reports.forEach((name, r) -> out.put(name, r.toMap(6)));
            w.println(JsonCodec.toJson(out));
            return 0;
        }
        w.println("sentiment on " + file + " (" + format + ", language " + language + "): " + protocol);
        w.printf(Locale.ROOT, "lexicon weight chosen by cross-validation inside the training part: %s%n", weights);
        w.printf(Locale.ROOT, "%-12s %9s %9s%n", "system", "macro-F1", "accuracy");
        reports.forEach((name, r) -> w.printf(Locale.ROOT, "%-12s %9.4f %9.4f%n", name, r.macroF1(),
                r.accuracy()));
        return 0;
    }

    private static void score(SentimentModel model, List<LabeledTexts.Example> test, String language,
            Map<String, ClassificationReport> reports) {
        LexiconSentimentAnalyzer lexicon = LexiconSentimentAnalyzer.defaults();
        TrainedSentimentAnalyzer classifier = new TrainedSentimentAnalyzer(model.classifierOnly(), lexicon);
        TrainedSentimentAnalyzer blend = new TrainedSentimentAnalyzer(model, lexicon);
        for (LabeledTexts.Example e : test) {
            String gold = e.label().toLowerCase(Locale.ROOT);
            reports.get("lexicon").add(gold, polarity(lexicon.analyze(e.text(), language)));
            reports.get("classifier").add(gold, polarity(classifier.analyze(e.text(), language)));
            reports.get("blend").add(gold, polarity(blend.analyze(e.text(), language)));
        }
    }

    /** The gold-label spelling of a decided polarity; no decision counts as neutral. */
    static String polarity(Decision<Sentiment> d) {
        return d.hasValue() ? d.value().polarity().name().toLowerCase(Locale.ROOT) : "neutral";
    }

    private static TrainingData data(List<LabeledTexts.Example> rows, String name) {
        List<Example> out = new ArrayList<>(rows.size());
        for (LabeledTexts.Example e : rows) {
            if (!e.text().isBlank() && !e.label().isBlank()) {
                out.add(new Example(e.text(), e.label()));
            }
        }
        return TrainingData.of(name, out);
    }

    private static int[] stratifiedFolds(List<LabeledTexts.Example> examples, int folds) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        Map<String, Integer> next = new LinkedHashMap<>();
        int[] fold = new int[examples.size()];
        for (int i : order) {
            fold[i] = next.merge(examples.get(i).label().toLowerCase(Locale.ROOT), 1, Integer::sum) % folds;
        }
        return fold;
    }
}
