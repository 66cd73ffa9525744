package dev.deskassist.core.triage;

import dev.deskassist.core.model.Decision;

/**
 * Tells the language of a text as an ISO 639-1 code, with confidence. Returns a decision without
 * a value (never a guess) when the text is too short, empty or in a language it does not know.
 */
@FunctionalInterface
public interface LanguageDetector {

    Decision<String> detect(String text);
}
