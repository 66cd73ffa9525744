package dev.deskassist.examples;

import dev.deskassist.core.encoder.EncoderIntentModel;
import dev.deskassist.core.encoder.EncoderIntentTrainer;
import dev.deskassist.core.encoder.EncoderTrainerConfig;
import dev.deskassist.core.encoder.EncoderTrainingResult;
import dev.deskassist.core.encoder.SentenceEncoders;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.classify.Evaluation;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code evaluate --encoder bge|minilm}: trains the encoder tier on the training file (every choice
 * by cross-validation on it) and reports on the test file the n-gram model alone, the encoder's
 * classifier alone, the cross-validated blend, and the cascade at several thresholds. Each test
 * text is embedded once (see {@link MemoEncoder}); speed is measured by {@code bench-encoder}.
 */
final class EncoderEvaluation {

    private EncoderEvaluation() {
    }

    /** Runs {@code evaluate} with {@code --encoder}; returns the exit code. */
    static int run(EncoderOptions options, TrainingDataReader reader, TrainerConfig ngram, TrainingData train,
            TrainingData test, int perClass, Path trainFile, Path testFile, String groupColumn, Path save, boolean json,
            PrintWriter w) {
        EncoderTrainerConfig config = options.config(ngram);
        MemoEncoder encoder = new MemoEncoder(SentenceEncoders.shared(config.encoder()));
        EncoderTrainingResult r = new EncoderIntentTrainer(config).train(train, encoder);
        EncoderIntentModel model = r.model();
        List<Example> ex = test.examples();
        EncoderIntentTrainer.embed(encoder, ex.stream().map(Example::text).toList(), config.threads());
        double threshold = model.abstainThreshold();
        Evaluation blend = Evaluation.of(model, ex, threshold);
        Evaluation ngramOnly = Evaluation.of(model.ngramModel(), ex, model.ngramModel().abstainThreshold());
        Evaluation encoderOnly = Evaluation.of(model.withEncoderWeight(1.0), ex, threshold);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("train", trainFile.toString());
        out.put("test", testFile.toString());
        out.put("encoder", config.encoder().id() + " " + SentenceEncoders.artifactVersion(config.encoder()));
        out.put("encoderLanguages", String.join(",", config.encoderLanguages()));
        out.put("trainExamples", train.size());
        out.put("perClass", perClass);
        out.put("n", blend.n());
        out.put("trainSeconds", round(r.duration().toNanos() / 1e9));
        out.put("folds", config.folds());
        out.put("foldDraws", config.drawsFor(train.size()));
        out.put("cvAccuracyNgram", round(r.cvAccuracyNgram()));
        out.put("cvAccuracyEncoder", round(r.cvAccuracyEncoder()));
        out.put("cvAccuracyBlend", round(r.cvAccuracyBlend()));
        out.put("l2", r.l2());
        out.put("classMeanWeight", round(model.prototypeWeight()));
        out.put("encoderWeight", round(model.encoderWeight()));
        out.put("blend", model.logLinear() ? "log-linear" : "linear");
        out.put("temperature", round(model.temperature()));
        out.put("threshold", round(threshold));
        out.put("accuracyNgram", round(ngramOnly.accuracy()));
        out.put("accuracyEncoder", round(encoderOnly.accuracy()));
        out.put("accuracy", round(blend.accuracy()));
        out.put("macroF1", round(blend.macroF1()));
        out.put("abstainRate", round(blend.abstainRate()));
        out.put("accuracyOnAnswered", round(blend.accuracyOnAnswered()));
        Map<String, Object> cascade = new LinkedHashMap<>();
        for (double t : new double[] {0.5, 0.7, 0.8, 0.9, 0.95, 0.99}) {
            EncoderIntentModel m = model.withCascade(t);
            int encoded = 0;
            for (Example e : ex) {
                encoded += m.score(e.text()).tier() == EncoderIntentModel.Tier.BLEND ? 1 : 0;
            }
            Evaluation e = Evaluation.of(m, ex, threshold);
            cascade.put(String.format(Locale.ROOT, "%.2f", t),
                    Map.of("accuracy", round(e.accuracy()), "encoderShare", round(encoded / (double) ex.size())));
        }
        out.put("cascadeOnTest", cascade);
        Map<String, Object> cvCascade = new LinkedHashMap<>();
        r.cascade().forEach(p -> cvCascade.put(String.format(Locale.ROOT, "%.2f", p.below()),
                Map.of("accuracy", round(p.accuracy()), "encoderShare", round(p.encoderShare()))));
        out.put("cascadeCrossValidated", cvCascade);
        // the other language policy, on the same trained model: every language to the encoder, or English only
        Set<String> other = config.encoderLanguages().contains("*") ? Set.of("en") : Set.of("*");
        Evaluation otherPolicy = Evaluation.of(model.withEncoderLanguages(other), ex, threshold);
        out.put("accuracyWithEncoderLanguages" + (other.contains("*") ? "All" : "En"), round(otherPolicy.accuracy()));
        if (groupColumn != null) {
            out.put("accuracyBy" + groupColumn, groups(groupColumn, testFile, reader, test, blend, ngramOnly, otherPolicy,
                    other.contains("*") ? "encoderAllLanguages" : "encoderEnglishOnly"));
        }
        if (save != null) {
            try {
                model.save(save);
                out.put("model", save + " (" + model.version() + ")");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (json) {
            w.println(JsonCodec.toJson(out));
        } else {
            out.forEach((k, v) -> w.printf(Locale.ROOT, "%-22s %s%n", k, v));
        }
        return 0;
    }

    /** Runs {@code train} with {@code --encoder}: trains the encoder tier and saves it as one model file. */
    static int train(EncoderOptions options, TrainerConfig ngram, TrainingData data, Path out, PrintWriter w)
            throws java.io.IOException {
        EncoderTrainerConfig config = options.config(ngram);
        EncoderTrainingResult r = new EncoderIntentTrainer(config).train(data);
        EncoderIntentModel m = r.model();
        m.save(out);
        w.printf(Locale.ROOT, "examples          %d%n", data.size());
        w.printf(Locale.ROOT, "labels            %d%n", m.labels().size());
        w.printf(Locale.ROOT, "encoder           %s %s, used for %s%n", config.encoder().id(),
                m.trainedArtifactVersion(), String.join(",", m.encoderLanguages()));
        int draws = config.drawsFor(data.size());
        w.printf(Locale.ROOT, "training time     %.2f s (embedding %.2f s, %d-fold cross-validation%s included)%n",
                r.duration().toNanos() / 1e9, r.embedding().toNanos() / 1e9, config.folds(),
                draws > 1 ? " over " + draws + " draws of folds" : "");
        w.printf(Locale.ROOT, "cross-validated   n-gram %s, encoder %s, blend %s%n", ClassifierOptions.pct(r.cvAccuracyNgram()),
                ClassifierOptions.pct(r.cvAccuracyEncoder()), ClassifierOptions.pct(r.cvAccuracyBlend()));
        w.printf(Locale.ROOT, "blend             encoder weight %.2f, l2 %s, class-mean weight %.2f, temperature %.3f%n",
                m.encoderWeight(), r.l2(), m.prototypeWeight(), m.temperature());
        w.printf(Locale.ROOT, "abstain threshold %.3f%n", m.abstainThreshold());
        w.printf(Locale.ROOT, "model             %s (%s, %d bytes)%n", out, m.version(), java.nio.file.Files.size(out));
        return 0;
    }

    private static Map<String, Object> groups(String groupColumn, Path testFile, TrainingDataReader reader,
            TrainingData test, Evaluation blend, Evaluation ngramOnly, Evaluation otherPolicy, String otherName) {
        List<String> group = EvaluateCommand.groupOfEachRow(reader, groupColumn, testFile, test);
        Map<String, double[]> acc = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            double[] v = acc.computeIfAbsent(group.get(i), k -> new double[4]);
            v[0] += blend.predictions().get(i).correct() ? 1 : 0;
            v[1] += ngramOnly.predictions().get(i).correct() ? 1 : 0;
            v[3] += otherPolicy.predictions().get(i).correct() ? 1 : 0;
            v[2]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, Map.of("n", (long) v[2], "encoderTier", round(v[0] / v[2]),
                "ngram", round(v[1] / v[2]), otherName, round(v[3] / v[2]))));
        return out;
    }

    /** Four decimals for a report, and null (JSON's) for an undefined figure. */
    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }
}
