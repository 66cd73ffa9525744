package dev.deskassist.core.writeback;

import dev.deskassist.core.config.ConfigSchema;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What DeskAssist may write into a ticket: for each {@link Output} a {@link OutputRule}
 * (OFF, SUGGEST, or AUTO above a confidence, optionally overridden per category), the tag prefix, the language of the internal
 * note, whether a priority may be lowered, and which categories may get a public reply.
 *
 * <p>Drafts go to the internal note unless the draft rule is AUTO, the ticket's category is in
 * {@code publicReplyCategories} with at least {@code publicReplyMinCategoryConfidence}, the
 * draft needs no approval and triage did not escalate. A priority of HIGH or URGENT is never
 * lowered; lower priorities are lowered only when {@code allowLowerPriority} is set.
 *
 * <pre>{@code
 * WriteBackPolicy policy = WriteBackPolicy.builder()
 *     .rule(Output.PRIORITY, OutputRule.auto(0.9))
 *     .publicReplyCategories(Set.of("password_reset"))
 *     .noteLanguage("de")
 *     .build();
 * }</pre>
 */
public record WriteBackPolicy(
        Map<Output, OutputRule> rules,
        String tagPrefix,
        String noteLanguage,
        boolean internalNote,
        boolean allowLowerPriority,
        Set<String> publicReplyCategories,
        double publicReplyMinCategoryConfidence) {

    public WriteBackPolicy {
        EnumMap<Output, OutputRule> all = new EnumMap<>(Output.class);
        for (Output o : Output.values()) {
            all.put(o, DEFAULT_RULES.get(o));
        }
        if (rules != null) {
            all.putAll(rules);
        }
        rules = Map.copyOf(all);
        tagPrefix = tagPrefix == null ? "da_" : tagPrefix;
        if (!tagPrefix.matches("[A-Za-z0-9_:.-]*")) {
            throw new IllegalArgumentException("tagPrefix may hold only letters, digits, '_', ':', '.' and '-'");
        }
        noteLanguage = noteLanguage == null || noteLanguage.isBlank() ? "en" : noteLanguage.strip().toLowerCase(Locale.ROOT);
        publicReplyCategories = publicReplyCategories == null ? Set.of() : Set.copyOf(publicReplyCategories);
        if (Double.isNaN(publicReplyMinCategoryConfidence) || publicReplyMinCategoryConfidence < 0.0
                || publicReplyMinCategoryConfidence > 1.0) {
            throw new IllegalArgumentException("publicReplyMinCategoryConfidence must be in [0,1]");
        }
    }

    private static final Map<Output, OutputRule> DEFAULT_RULES = Map.of(
            Output.CATEGORY, OutputRule.auto(0.80),
            Output.PRIORITY, OutputRule.auto(0.85),
            Output.TAGS, OutputRule.auto(0.60),
            Output.GROUP, OutputRule.suggest(),
            Output.LANGUAGE, OutputRule.auto(0.80),
            Output.SENTIMENT, OutputRule.auto(0.60),
            Output.ESCALATION, OutputRule.auto(0.0),
            Output.SUMMARY, OutputRule.suggest(),
            Output.DRAFT, OutputRule.suggest());

    /**
     * The defaults: category, language and tags applied above 80/80/60 %, priority above 85 %,
     * sentiment above 60 %, escalation always flagged; group only suggested; summary and draft
     * in the internal note; no public replies; tag prefix {@code da_}; note in English.
     */
    public static WriteBackPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public OutputRule rule(Output output) {
        return rules.get(output);
    }

    /** Whether any output rule overrides its mode or threshold for some category. */
    public boolean hasCategoryOverrides() {
        return rules.values().stream().anyMatch(r -> !r.categories().isEmpty());
    }

    /**
     * The policy that holds for a ticket of {@code category} (the category triage decided; null
     * when it abstained): each rule replaced by its override for that category, without overrides
     * left. This policy itself when no rule has overrides.
     */
    public WriteBackPolicy forCategory(String category) {
        if (!hasCategoryOverrides()) {
            return this;
        }
        EnumMap<Output, OutputRule> flat = new EnumMap<>(Output.class);
        rules.forEach((o, r) -> flat.put(o, r.forCategory(category)));
        return new WriteBackPolicy(flat, tagPrefix, noteLanguage, internalNote, allowLowerPriority,
                publicReplyCategories, publicReplyMinCategoryConfidence);
    }

    public Builder toBuilder() {
        Builder b = new Builder().tagPrefix(tagPrefix).noteLanguage(noteLanguage).internalNote(internalNote)
                .allowLowerPriority(allowLowerPriority).publicReplyCategories(publicReplyCategories)
                .publicReplyMinCategoryConfidence(publicReplyMinCategoryConfidence);
        rules.forEach(b::rule);
        return b;
    }

    /** Loads a policy from a JSON file (format in the project's sample {@code writeback-policy.json}). */
    public static WriteBackPolicy fromJson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WriteBackPolicyException(file + ": file not found", e);
        } catch (IOException e) {
            throw new WriteBackPolicyException(file + ": cannot read write-back policy (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        return fromJson(text, file.toString());
    }

    /**
     * Parses a policy from JSON text, checked first against {@link ConfigSchema#WRITEBACK_POLICY};
     * {@code source} names it in error messages. Unknown keys, modes and outputs are errors (with
     * line, column and a suggestion), so that a typo does not silently fall back to a default.
     */
    public static WriteBackPolicy fromJson(String json, String source) {
        ConfigSchema.WRITEBACK_POLICY.requireValid(json, source, WriteBackPolicyException::new);
        JsonValue value;
        try (JsonReader r = jakarta.json.Json.createReader(new StringReader(json))) {
            value = r.readValue();
        } catch (JsonParsingException e) {
            var loc = e.getLocation();
            throw new WriteBackPolicyException(source + (loc == null ? "" : " line " + loc.getLineNumber() + " column "
                    + loc.getColumnNumber()) + ": malformed JSON", e);
        } catch (jakarta.json.JsonException e) {
            throw new WriteBackPolicyException(source + ": not a JSON object", e);
        }
        if (!(value instanceof JsonObject root)) {
            throw new WriteBackPolicyException(source + ": not a JSON object (the policy is one object with keys such as"
                    + " outputs and publicReply)");
        }
        Builder b = builder();
        for (Map.Entry<String, JsonValue> e : root.entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            switch (key) {
                case "tagPrefix" -> b.tagPrefix(string(v, source, key));
                case "noteLanguage" -> b.noteLanguage(string(v, source, key));
                case "internalNote" -> b.internalNote(bool(v, source, key));
                case "allowLowerPriority" -> b.allowLowerPriority(bool(v, source, key));
                case "outputs" -> readOutputs(object(v, source, key), source, b);
                case "publicReply" -> readPublicReply(object(v, source, key), source, b);
                case "$comment" -> {
                }
                default -> throw new WriteBackPolicyException(source + ": unknown key '" + key
                        + "' (expected tagPrefix, noteLanguage, internalNote, allowLowerPriority, outputs, publicReply)");
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new WriteBackPolicyException(source + ": " + e.getMessage(), e);
        }
    }

    private static void readOutputs(JsonObject outputs, String source, Builder b) {
        for (Map.Entry<String, JsonValue> e : outputs.entrySet()) {
            if (e.getKey().equals("$comment")) {
                continue;
            }
            String where = "outputs." + e.getKey();
            Output output = Output.parse(e.getKey()).orElseThrow(() -> new WriteBackPolicyException(source
                    + ": unknown output '" + e.getKey() + "' in outputs (expected one of category, priority, tags, group,"
                    + " language, sentiment, escalation, summary, draft)"));
            b.rule(output, readRule(object(e.getValue(), source, where), source, where, true));
        }
    }

    private static OutputRule readRule(JsonObject rule, String source, String where, boolean withCategories) {
        WriteMode mode = WriteMode.OFF;
        double threshold = 1.0;
        boolean modeSeen = false;
        Map<String, OutputRule> categories = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> r : rule.entrySet()) {
            switch (r.getKey()) {
                case "mode" -> {
                    String m = string(r.getValue(), source, where + ".mode");
                    try {
                        mode = WriteMode.valueOf(m.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException x) {
                        throw new WriteBackPolicyException(source + ": " + where + ".mode is '" + m
                                + "', expected OFF, SUGGEST or AUTO");
                    }
                    modeSeen = true;
                }
                case "threshold" -> threshold = number(r.getValue(), source, where + ".threshold");
                case "categories" -> {
                    if (!withCategories) {
                        throw new WriteBackPolicyException(source + ": " + where
                                + " is a category override and cannot hold categories of its own");
                    }
                    for (Map.Entry<String, JsonValue> c : object(r.getValue(), source, where + ".categories")
                            .entrySet()) {
                        if (!c.getKey().equals("$comment")) {
                            String at = where + ".categories." + c.getKey();
                            categories.put(c.getKey(), readRule(object(c.getValue(), source, at), source, at, false));
                        }
                    }
                }
                case "$comment" -> {
                }
                default -> throw new WriteBackPolicyException(source + ": unknown key '" + r.getKey() + "' in "
                        + where + (withCategories ? " (expected mode, threshold, categories)" : " (expected mode, threshold)"));
            }
        }
        if (!modeSeen) {
            throw new WriteBackPolicyException(source + ": " + where + " needs a mode (OFF, SUGGEST or AUTO)");
        }
        if (threshold < 0.0 || threshold > 1.0) {
            throw new WriteBackPolicyException(source + ": " + where + ".threshold must be between 0 and 1, was "
                    + threshold);
        }
        try {
            return new OutputRule(mode, threshold, categories);
        } catch (IllegalArgumentException x) {
            throw new WriteBackPolicyException(source + ": " + where + ": " + x.getMessage(), x);
        }
    }

    private static void readPublicReply(JsonObject o, String source, Builder b) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String where = "publicReply." + e.getKey();
            switch (e.getKey()) {
                case "categories" -> {
                    if (!(e.getValue() instanceof JsonArray a)) {
                        throw new WriteBackPolicyException(source + ": " + where + " must be an array of category names");
                    }
                    Set<String> cats = new LinkedHashSet<>();
                    for (JsonValue c : a) {
                        cats.add(string(c, source, where));
                    }
                    b.publicReplyCategories(cats);
                }
                case "$comment" -> {
                }
                case "minCategoryConfidence" -> {
                    double d = number(e.getValue(), source, where);
                    if (d < 0.0 || d > 1.0) {
                        throw new WriteBackPolicyException(source + ": " + where + " must be between 0 and 1, was " + d);
                    }
                    b.publicReplyMinCategoryConfidence(d);
                }
                default -> throw new WriteBackPolicyException(source + ": unknown key '" + e.getKey()
                        + "' in publicReply (expected categories, minCategoryConfidence)");
            }
        }
    }

    private static JsonObject object(JsonValue v, String source, String where) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new WriteBackPolicyException(source + ": " + where + " must be an object");
    }

    private static String string(JsonValue v, String source, String where) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new WriteBackPolicyException(source + ": " + where + " must be a string");
    }

    private static boolean bool(JsonValue v, String source, String where) {
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new WriteBackPolicyException(source + ": " + where + " must be true or false");
    }

    private static double number(JsonValue v, String source, String where) {
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new WriteBackPolicyException(source + ": " + where + " must be a number");
    }

    /** Builds a {@link WriteBackPolicy}; unset rules keep their defaults. */
    public static final class Builder {
        private final EnumMap<Output, OutputRule> rules = new EnumMap<>(Output.class);
        private String tagPrefix = "da_";
        private String noteLanguage = "en";
        private boolean internalNote = true;
        private boolean allowLowerPriority;
        private Set<String> publicReplyCategories = Set.of();
        private double publicReplyMinCategoryConfidence = 0.9;

        private Builder() {
        }

        public Builder rule(Output output, OutputRule rule) {
            rules.put(Objects.requireNonNull(output, "output"), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** The same rule for every output, e.g. {@code OutputRule.off()} as a starting point. */
        public Builder allRules(OutputRule rule) {
            for (Output o : Output.values()) {
                rule(o, rule);
            }
            return this;
        }

        public Builder tagPrefix(String prefix) {
            this.tagPrefix = prefix;
            return this;
        }

        public Builder noteLanguage(String language) {
            this.noteLanguage = language;
            return this;
        }

        /** Whether to write the internal note at all (true by default). */
        public Builder internalNote(boolean write) {
            this.internalNote = write;
            return this;
        }

        /** Whether a LOW/NORMAL priority may be lowered (false by default); HIGH and URGENT never are. */
        public Builder allowLowerPriority(boolean allow) {
            this.allowLowerPriority = allow;
            return this;
        }

        /** Categories whose draft may be sent to the customer directly (none by default). */
        public Builder publicReplyCategories(Set<String> categories) {
            this.publicReplyCategories = Set.copyOf(categories);
            return this;
        }

        /** The category confidence a public reply needs (0.9 by default). */
        public Builder publicReplyMinCategoryConfidence(double confidence) {
            this.publicReplyMinCategoryConfidence = confidence;
            return this;
        }

        public WriteBackPolicy build() {
            return new WriteBackPolicy(rules, tagPrefix, noteLanguage, internalNote, allowLowerPriority,
                    publicReplyCategories, publicReplyMinCategoryConfidence);
        }
    }
}
