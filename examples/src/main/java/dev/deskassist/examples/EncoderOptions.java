package dev.deskassist.examples;

import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.EncoderTrainerConfig;
import dev.deskassist.core.encoder.SentenceEncoders;
import dev.deskassist.core.triage.classify.TrainerConfig;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The encoder tier's options of {@code train} and {@code evaluate} (issue 15): present only when
 * {@code --encoder} is given, and usable only where the encoder artifact is on the class path
 * ({@code deskassist-encoder.jar}).
 */
final class EncoderOptions {

    @Option(names = "--encoder", paramLabel = "bge|minilm",
            description = "Train the encoder tier beside the n-gram model (needs deskassist-encoder.jar).")
    String encoder;

    @Option(names = "--encoder-languages", split = ",", paramLabel = "L",
            description = "Languages sent to the encoder (default: en; * for all).")
    Set<String> languages;

    @Option(names = "--encoder-epochs", paramLabel = "N", description = "Epochs of the encoder tier's classifier.")
    Integer epochs;

    @Option(names = "--encoder-l2", split = ",", paramLabel = "X",
            description = "L2 candidates of the encoder tier (chosen by cross-validation).")
    List<Double> l2;

    @Option(names = "--encoder-folds", paramLabel = "N", description = "Cross-validation folds of the encoder tier.")
    Integer folds;

    @Option(names = "--encoder-draws", paramLabel = "N",
            description = "Draws of cross-validation folds when the training file has fewer than 2,000 examples "
                    + "(default: 3).")
    Integer draws;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that embed texts.")
    Integer threads;

    boolean requested() {
        return encoder != null;
    }

    /** The encoder kind, checked to be on the class path. */
    static EncoderKind kind(String id) {
        EncoderKind kind;
        try {
            kind = EncoderKind.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!kind.isAvailable()) {
            throw new UsageException(SentenceEncoders.unavailableMessage(kind)
                    + "; run examples/target/deskassist-encoder.jar instead of deskassist.jar");
        }
        return kind;
    }

    EncoderTrainerConfig config(TrainerConfig ngram) {
        EncoderTrainerConfig c = EncoderTrainerConfig.defaults(kind(encoder)).withNgram(ngram);
        try {
            if (languages != null) {
                c = c.withEncoderLanguages(languages);
            }
            if (epochs != null) {
                c = c.withEpochs(epochs);
            }
            if (folds != null) {
                c = c.withFolds(folds);
            }
            if (l2 != null) {
                c = c.withL2Grid(l2);
            }
            if (threads != null) {
                c = c.withThreads(threads);
            }
            if (draws != null) {
                c = c.withSmallDataDraws(draws);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return c;
    }
}
