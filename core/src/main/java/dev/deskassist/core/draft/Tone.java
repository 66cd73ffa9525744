package dev.deskassist.core.draft;

import dev.deskassist.core.triage.StyleProfile;

/** Register of a reply: formal (Sie, "Dear …") or informal (du, "Hi …"). */
public enum Tone {
    FORMAL,
    INFORMAL;

    /** The tone that answers a style in kind; formal when nothing says otherwise, as a stranger would. */
    public static Tone of(StyleProfile style) {
        if (style == null) {
            return FORMAL;
        }
        if (style.address() != StyleProfile.Address.UNKNOWN) {
            return style.address() == StyleProfile.Address.INFORMAL ? INFORMAL : FORMAL;
        }
        return style.formality() == StyleProfile.Formality.INFORMAL ? INFORMAL : FORMAL;
    }

    /** The key prefix in template files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
