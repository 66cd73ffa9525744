package dev.deskassist.core.outcome;

import java.time.Duration;
import java.util.Objects;

/**
 * How outcomes are judged; {@link #defaults()} suits most teams.
 *
 * @param goodTag         the tag by which an agent says DeskAssist did well (default {@code da_good})
 * @param badTag          the tag by which an agent says DeskAssist did badly (default {@code da_bad}); wins when both are set
 * @param draftUsed       similarity at or above which the agent's reply counts as our draft used (default 0.5)
 * @param draftEdited     similarity at or above which it counts as edited, below as ignored (default 0.15)
 * @param followUpWindow  how long after an automatic reply a reopen or a customer message counts against it (default 7 days)
 */
public record OutcomeSettings(String goodTag, String badTag, double draftUsed, double draftEdited,
                              Duration followUpWindow) {

    public OutcomeSettings {
        goodTag = requireTag(goodTag, "goodTag");
        badTag = requireTag(badTag, "badTag");
        if (goodTag.equals(badTag)) {
            throw new IllegalArgumentException("goodTag and badTag must differ");
        }
        if (!(draftEdited >= 0 && draftEdited <= draftUsed && draftUsed <= 1)) {
            throw new IllegalArgumentException("need 0 <= draftEdited <= draftUsed <= 1");
        }
        Objects.requireNonNull(followUpWindow, "followUpWindow");
        if (followUpWindow.isNegative() || followUpWindow.isZero()) {
            throw new IllegalArgumentException("followUpWindow must be > 0");
        }
    }

    public static OutcomeSettings defaults() {
        return new OutcomeSettings("da_good", "da_bad", 0.5, 0.15, Duration.ofDays(7));
    }

    public OutcomeSettings withTags(String good, String bad) {
        return new OutcomeSettings(good, bad, draftUsed, draftEdited, followUpWindow);
    }

    public OutcomeSettings withDraftThresholds(double used, double edited) {
        return new OutcomeSettings(goodTag, badTag, used, edited, followUpWindow);
    }

    public OutcomeSettings withFollowUpWindow(Duration window) {
        return new OutcomeSettings(goodTag, badTag, draftUsed, draftEdited, window);
    }

    private static String requireTag(String tag, String name) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return tag.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
