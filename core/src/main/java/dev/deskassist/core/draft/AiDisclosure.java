package dev.deskassist.core.draft;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The line that tells a reader a text was drafted with AI assistance, per language. Code adds it
 * to every draft exactly once (EU AI Act, Art. 50), so no prompt and no template has to.
 */
public final class AiDisclosure {

    private static final Map<String, String> DEFAULTS = Map.of(
            "en", "This reply was drafted with the help of AI and reviewed by our support team.",
            "de", "Diese Antwort wurde mit Unterstützung durch KI erstellt und von unserem Support-Team geprüft.",
            "fr", "Cette réponse a été rédigée avec l'aide de l'IA et vérifiée par notre équipe support.",
            "es", "Esta respuesta se redactó con ayuda de IA y fue revisada por nuestro equipo de soporte.",
            "it", "Questa risposta è stata redatta con l'aiuto dell'IA e verificata dal nostro team di supporto.",
            "nl", "Dit antwoord is opgesteld met behulp van AI en gecontroleerd door ons supportteam.",
            "pt", "Esta resposta foi redigida com a ajuda de IA e revista pela nossa equipa de suporte.",
            "pl", "Ta odpowiedź została przygotowana z pomocą AI i sprawdzona przez nasz zespół wsparcia.");

    private final Map<String, String> lines;
    private final String fallbackLanguage;

    private AiDisclosure(Map<String, String> lines, String fallbackLanguage) {
        this.lines = Map.copyOf(lines);
        this.fallbackLanguage = fallbackLanguage;
    }

    /** The built-in wording for de, en, fr, es, it, nl, pt and pl, English as fallback. */
    public static AiDisclosure defaults() {
        return new AiDisclosure(DEFAULTS, "en");
    }

    /** The defaults with some languages' wording replaced or added. */
    public static AiDisclosure withOverrides(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(DEFAULTS);
        overrides.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v)));
        return new AiDisclosure(all, "en");
    }

    /** The disclosure line for a language, falling back to English. */
    public String line(String language) {
        String l = language == null ? null : lines.get(language.toLowerCase(Locale.ROOT));
        return l != null ? l : lines.get(fallbackLanguage);
    }

    /** Removes any copy of any configured disclosure line from a body, so that code can add it once. */
    public String strip(String body) {
        String out = body == null ? "" : body;
        for (String l : lines.values()) {
            out = out.replace(l, "");
        }
        return out.strip();
    }
}
