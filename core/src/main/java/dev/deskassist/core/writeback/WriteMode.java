package dev.deskassist.core.writeback;

/** What may happen with one output: nothing, a suggestion in the internal note, or a write. */
public enum WriteMode {
    /** Not written and not mentioned. */
    OFF,
    /** Shown to the agent in the internal note, never applied. */
    SUGGEST,
    /** Applied when the confidence reaches the rule's threshold, otherwise suggested. */
    AUTO
}
