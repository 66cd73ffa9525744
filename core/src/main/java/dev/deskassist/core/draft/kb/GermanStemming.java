package dev.deskassist.core.draft.kb;

/**
 * How German words are reduced before matching. {@code SNOWBALL} (the default) also folds
 * derived nouns onto verbs ("Kündigung" and "kündigen" meet); {@code LIGHT} only strips
 * inflection.
 */
public enum GermanStemming {
    LIGHT,
    SNOWBALL
}
