package dev.deskassist.core.encoder;

import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads an intent model file of either kind, the n-gram model ({@code DAIM}) or the encoder tier
 * ({@code DAEM}), telling them apart by their first bytes, so a setup names one model path whatever
 * {@code deskassist train} wrote there. An encoder-tier file whose encoder cannot run here falls
 * back to its n-gram tier, as {@link EncoderIntentModel#load(Path)} does.
 */
public final class IntentModelFiles {

    private static final byte[] NGRAM = "DAIM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCODER = "DAEM".getBytes(StandardCharsets.US_ASCII);

    private IntentModelFiles() {
    }

    /**
     * Reads the model in {@code file}.
     *
     * @throws ModelFormatException not found, not an intent model of either kind, or damaged
     */
    public static CalibratedIntentModel load(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(NGRAM.length);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file not found: " + file, e);
        }
        if (Arrays.equals(head, ENCODER)) {
            return EncoderIntentModel.load(file);
        }
        if (Arrays.equals(head, NGRAM)) {
            return LinearIntentModel.load(file);
        }
        throw new ModelFormatException(file + ": not a DeskAssist intent model (the file starts with neither DAIM, "
                + "an n-gram model, nor DAEM, an encoder-tier model)");
    }
}
