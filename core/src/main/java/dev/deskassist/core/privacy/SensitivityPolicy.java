package dev.deskassist.core.privacy;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigSchema;
import dev.deskassist.core.model.Ticket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a ticket is too sensitive for a general-purpose model: by category id or by
 * content (keywords per class such as health, payment data, legal; configurable). Sensitive
 * tickets go only to a private endpoint, or stay with the offline engine. The check runs on the
 * original text, inside the process. Immutable and thread-safe.
 *
 * <p>As a file ({@link #load}, schema {@link ConfigSchema#SENSITIVITY_POLICY}):
 * <pre>{@code
 * {
 *   "categories": ["data-protection", "complaint-legal"],
 *   "paymentDataInText": true,
 *   "defaultKeywords": true,
 *   "keywords": {"health": ["krankenhaus", "hospital"], "hr": ["kündigungsschutz"]}
 * }
 * }</pre>
 */
public final class SensitivityPolicy {

    /** Nothing is sensitive: every ticket may go to the configured model (after pseudonymization). */
    public static final SensitivityPolicy NONE = new SensitivityPolicy(Map.of(), Set.of(), false);

    private static final Map<String, List<String>> DEFAULT_KEYWORDS = Map.of(
            "health", List.of("krank", "krankheit", "erkrank", "diagnose", "arzt", "ärzt", "attest", "krankenhaus",
                    "klinik", "therapie", "medikament", "schwanger", "behinderung", "reha", "health", "medical",
                    "diagnos", "doctor", "hospital", "illness", "disabilit", "pregnan", "medication", "therapy",
                    "sick leave", "krankschreibung"),
            "payment", List.of("kreditkarte", "kartennummer", "bankverbindung", "kontonummer", "cvv", "cvc", "pin-nummer",
                    "credit card", "card number", "bank account", "account number", "sort code", "routing number"),
            "legal", List.of("anwalt", "anwält", "rechtsanwalt", "klage", "gericht", "abmahnung", "verbraucherzentrale",
                    "datenschutzbehörde", "lawyer", "attorney", "lawsuit", "court", "legal action", "sue you",
                    "subpoena", "solicitor", "litigation"));

    private final Map<String, Pattern> keywordPatterns;
    private final Set<String> categories;
    private final boolean paymentDataSensitive;

    private SensitivityPolicy(Map<String, Pattern> keywordPatterns, Set<String> categories, boolean paymentData) {
        this.keywordPatterns = Map.copyOf(keywordPatterns);
        this.categories = Set.copyOf(categories);
        this.paymentDataSensitive = paymentData;
    }

    /** Health, payment and legal keywords in German and English; card numbers and IBANs count as payment data. */
    public static SensitivityPolicy defaults() {
        Builder b = builder().paymentDataInText(true);
        DEFAULT_KEYWORDS.forEach(b::keywords);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a policy file, checked first against {@link ConfigSchema#SENSITIVITY_POLICY}.
     *
     * @throws ConfigFileException listing every problem with file, line and column
     */
    public static SensitivityPolicy load(Path file) {
        return parse(ConfigSchema.read(file), file.toString());
    }

    /** Parses policy JSON; {@code source} names it in problems. */
    public static SensitivityPolicy parse(String json, String source) {
        ConfigSchema.SENSITIVITY_POLICY.requireValid(json, source, ConfigFileException::new);
        JsonObject root;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            root = r.readObject();
        }
        Builder b = builder().paymentDataInText(root.getBoolean("paymentDataInText", true));
        if (root.getBoolean("defaultKeywords", false)) {
            DEFAULT_KEYWORDS.forEach(b::keywords);
        }
        if (root.get("keywords") instanceof JsonObject keywords) {
            keywords.forEach((cls, words) -> b.keywords(cls, strings(words)));
        }
        b.categories(new java.util.LinkedHashSet<>(strings(root.get("categories"))));
        return b.build();
    }

    private static List<String> strings(JsonValue v) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return v.asJsonArray().stream().map(s -> ((JsonString) s).getString()).toList();
    }

    /** The category ids that are always sensitive. */
    public Set<String> categories() {
        return categories;
    }

    /**
     * Why the ticket is sensitive ("sensitive: legal", "sensitive: category billing_dispute"),
     * or empty when it is not. {@code category} may be null; {@code map} is the ticket's
     * pseudonym map (to see payment data found by the pseudonymizer), may be null.
     */
    public Optional<String> check(Ticket ticket, String category, PseudonymMap map) {
        if (category != null && categories.contains(category)) {
            return Optional.of("sensitive: category " + category);
        }
        if (paymentDataSensitive && map != null && (map.has(PiiKind.CARD) || map.has(PiiKind.IBAN))) {
            return Optional.of("sensitive: payment data");
        }
        if (keywordPatterns.isEmpty()) {
            return Optional.empty();
        }
        String text = (ticket.subject() + "\n" + String.join("\n", ticket.customerMessages())).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Pattern> e : keywordPatterns.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return Optional.of("sensitive: " + e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Configures a {@link SensitivityPolicy}. */
    public static final class Builder {
        private final Map<String, List<String>> keywords = new LinkedHashMap<>();
        private final java.util.Set<String> categories = new java.util.LinkedHashSet<>();
        private boolean paymentData;

        private Builder() {
        }

        /**
         * Keywords of one sensitivity class, matched ignoring case at the start of a word
         * ("diagnos" matches "Diagnose" and "diagnosis").
         */
        public Builder keywords(String sensitivityClass, List<String> words) {
            keywords.computeIfAbsent(Objects.requireNonNull(sensitivityClass), k -> new ArrayList<>()).addAll(words);
            return this;
        }

        /** Category ids that are always sensitive (e.g. "legal", "health_claim"). */
        public Builder categories(Set<String> ids) {
            categories.addAll(ids);
            return this;
        }

        /** Whether a card number or IBAN in the ticket makes it sensitive. */
        public Builder paymentDataInText(boolean on) {
            this.paymentData = on;
            return this;
        }

        public SensitivityPolicy build() {
            Map<String, Pattern> patterns = new LinkedHashMap<>();
            keywords.forEach((cls, words) -> {
                StringBuilder alt = new StringBuilder();
                for (String w : words) {
                    if (w.isBlank()) {
                        continue;
                    }
                    alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(w.toLowerCase(Locale.ROOT)));
                }
                if (alt.length() > 0) {
                    patterns.put(cls, Pattern.compile("(?<![\\p{L}])(?:" + alt + ")", Pattern.UNICODE_CASE));
                }
            });
            return new SensitivityPolicy(patterns, categories, paymentData);
        }
    }
}
