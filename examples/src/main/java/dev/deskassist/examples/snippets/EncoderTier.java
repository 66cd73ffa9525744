package dev.deskassist.examples.snippets;

import dev.deskassist.core.encoder.EncoderIntentModel;
import dev.deskassist.core.encoder.EncoderIntentTrainer;
import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.EncoderTrainerConfig;
import dev.deskassist.core.encoder.EncoderTrainingResult;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.rules.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;

/** The README's encoder-tier example: trains, saves and loads an encoder intent model and triages with it. */
public final class EncoderTier {

    private EncoderTier() {
    }

    /** Triage with the encoder tier, trained from {@code labeled.csv} (needs an encoder artifact on the class path). */
    public static Triage triage(Taxonomy taxonomy) throws IOException {
        // tag::readme-encoder-tier[]
        EncoderTrainingResult r = new EncoderIntentTrainer(EncoderTrainerConfig.defaults(EncoderKind.BGE_SMALL_EN_V15_Q))
                .train(TrainingDataReader.builder().build().read(Path.of("labeled.csv")));
        r.model().save(Path.of("intent.daem"));                      // one versioned file: encoder id + fingerprint, both tiers
        EncoderIntentModel model = EncoderIntentModel.load(Path.of("intent.daem"));   // or load(path, Fallback.FAIL)
        Triage triage = OfflineTriage.builder()
                .intentModel(model)                    // model.withCascade(0.9): the encoder only when the n-gram model is unsure
                .abstainThreshold(model.abstainThreshold())
                .taxonomy(taxonomy)
                .build();
        // end::readme-encoder-tier[]
        return triage;
    }
}
