package dev.deskassist.core.triage;

import dev.deskassist.core.model.Decision;

/** Profiles how the customer writes (formality, form of address, expertise, length). */
@FunctionalInterface
public interface StyleAnalyzer {

    Decision<StyleProfile> analyze(String text, String language);
}
