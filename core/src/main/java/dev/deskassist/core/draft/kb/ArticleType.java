package dev.deskassist.core.draft.kb;

/** Whether a knowledge-base entry is a help-centre article or an agent macro (a canned answer). */
public enum ArticleType {
    ARTICLE,
    MACRO
}
