package dev.deskassist.core.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The line that tells a reader a text was written with AI assistance, per language, in two
 * wordings: {@linkplain #reviewed(String) reviewed} for text an agent checks and sends, and
 * {@linkplain #unreviewed(String) unreviewed} for text sent to a customer with no human in between.
 * Code adds it exactly once (EU AI Act, Art. 50), so no prompt and no template has to, and a text
 * no human reviewed never claims it was reviewed.
 *
 * <pre>{@code
 * AiDisclosure disclosure = AiDisclosure.defaults()
 *         .withUnreviewed(Map.of("en", "Written automatically by AI; no person has checked it."));
 * }</pre>
 */
public final class AiDisclosure {

    private static final String FALLBACK = "en";

    private static final Map<String, String> REVIEWED = Map.of(
            "en", "This reply was drafted with the help of AI and reviewed by our support team.",
            "de", "Diese Antwort wurde mit Unterstützung durch KI erstellt und von unserem Support-Team geprüft.",
            "fr", "Cette réponse a été rédigée avec l'aide de l'IA et vérifiée par notre équipe support.",
            "es", "Esta respuesta se redactó con ayuda de IA y fue revisada por nuestro equipo de soporte.",
            "it", "Questa risposta è stata redatta con l'aiuto dell'IA e verificata dal nostro team di supporto.",
            "nl", "Dit antwoord is opgesteld met behulp van AI en gecontroleerd door ons supportteam.",
            "pt", "Esta resposta foi redigida com a ajuda de IA e revista pela nossa equipa de suporte.",
            "pl", "Ta odpowiedź została przygotowana z pomocą AI i sprawdzona przez nasz zespół wsparcia.");

    private static final Map<String, String> UNREVIEWED = Map.of(
            "en", "This reply was written automatically with the help of AI and has not been reviewed by a person.",
            "de", "Diese Antwort wurde automatisch mit Unterstützung durch KI erstellt und nicht von einem Menschen geprüft.",
            "fr", "Cette réponse a été rédigée automatiquement avec l'aide de l'IA et n'a pas été vérifiée par une personne.",
            "es", "Esta respuesta se redactó automáticamente con ayuda de IA y no ha sido revisada por una persona.",
            "it", "Questa risposta è stata redatta automaticamente con l'aiuto dell'IA e non è stata verificata da una persona.",
            "nl", "Dit antwoord is automatisch opgesteld met behulp van AI en niet door een mens gecontroleerd.",
            "pt", "Esta resposta foi redigida automaticamente com a ajuda de IA e não foi revista por uma pessoa.",
            "pl", "Ta odpowiedź została przygotowana automatycznie z pomocą AI i nie została sprawdzona przez człowieka.");

    private final Map<String, String> reviewed;
    private final Map<String, String> unreviewed;
    /** Every configured line, longest first, so that stripping never leaves part of a longer line behind. */
    private final List<String> all;

    private AiDisclosure(Map<String, String> reviewed, Map<String, String> unreviewed) {
        this.reviewed = Map.copyOf(reviewed);
        this.unreviewed = Map.copyOf(unreviewed);
        List<String> lines = new ArrayList<>(this.reviewed.values());
        lines.addAll(this.unreviewed.values());
        lines.removeIf(String::isEmpty);
        lines.sort(Comparator.comparingInt(String::length).reversed());
        this.all = List.copyOf(lines);
    }

    /** The built-in wordings for de, en, fr, es, it, nl, pt and pl, English as fallback. */
    public static AiDisclosure defaults() {
        return new AiDisclosure(REVIEWED, UNREVIEWED);
    }

    /** The languages with both wordings configured. */
    public Set<String> languages() {
        Set<String> out = new TreeSet<>(reviewed.keySet());
        out.retainAll(unreviewed.keySet());
        return out;
    }

    /** A copy with some languages' reviewed wording replaced or added (keys are language codes). */
    public AiDisclosure withReviewed(Map<String, String> overrides) {
        return new AiDisclosure(merged(reviewed, overrides), unreviewed);
    }

    /** A copy with some languages' unreviewed wording replaced or added (keys are language codes). */
    public AiDisclosure withUnreviewed(Map<String, String> overrides) {
        return new AiDisclosure(reviewed, merged(unreviewed, overrides));
    }

    /** The line for a text an agent reviews before it is sent, falling back to English. */
    public String reviewed(String language) {
        return lookup(reviewed, language);
    }

    /** The line for a text that reaches a customer without human review, falling back to English. */
    public String unreviewed(String language) {
        return lookup(unreviewed, language);
    }

    /** Removes any copy of any configured disclosure line, in either wording, so that code can add one once. */
    public String strip(String body) {
        String out = body == null ? "" : body;
        for (String l : all) {
            out = out.replace(l, "");
        }
        return out.strip();
    }

    /**
     * The draft as it is sent without human review: the body without any disclosure (the draft's own
     * reviewed line or any configured one), and the unreviewed line of the draft's language as its
     * disclosure, so that the text states what happened and carries that statement exactly once.
     */
    public Draft asUnreviewed(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        String body = draft.disclosure().isEmpty() ? draft.body() : draft.body().replace(draft.disclosure(), "");
        return draft.withBody(strip(body)).withDisclosure(unreviewed(draft.language()));
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> out = new HashMap<>(base);
        overrides.forEach((k, v) -> {
            if (Objects.requireNonNull(v, "disclosure text").isBlank()) {
                // an empty line would silently drop the disclosure the law requires
                throw new IllegalArgumentException("disclosure text for '" + k + "' is blank");
            }
            out.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
        });
        return out;
    }

    private static String lookup(Map<String, String> lines, String language) {
        String l = language == null ? null : lines.get(language.strip().toLowerCase(Locale.ROOT));
        return l != null ? l : lines.get(FALLBACK);
    }
}
