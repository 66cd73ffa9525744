package dev.deskassist.core.draft;

import dev.deskassist.core.config.ConfigSchema;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The reply policy {@link PolicyGuardrails} enforces, usually read from JSON:
 *
 * <pre>{@code
 * {
 *   "approvalCategories": ["refund", "billing", "complaint-legal", "data-protection"],
 *   "approvalWhenCategoryUnknown": true,
 *   "requireCitations": true,
 *   "forbidden": {
 *     "*":  [{"regex": "\\b100\\s?%", "reason": "no absolute claims"}],
 *     "de": [{"phrase": "garantiert erstattet", "reason": "no refund promise before review"}],
 *     "en": [{"phrase": "guaranteed refund", "reason": "no refund promise before review"}]
 *   },
 *   "rules": {"en": ["Write only what the cited articles say."]}
 * }
 * }</pre>
 *
 * A {@code phrase} matches case-insensitively at the start of a word, with any whitespace
 * between its words, and also matches longer words that begin with it ("rechtlich" matches
 * "rechtliche"); a {@code regex} is used as written (case-insensitive), and may name
 * {@code "hints"}: words of which every match contains one, so that texts without them skip the
 * pattern (a regex costs tens of microseconds per kilobyte). {@code "*"} applies to every language.
 */
public record GuardrailPolicy(
        Set<String> approvalCategories,
        boolean approvalWhenCategoryUnknown,
        boolean requireCitations,
        Map<String, List<Forbidden>> forbidden,
        Map<String, List<String>> rules) {

    /**
     * One forbidden phrase or pattern and why it is forbidden. {@code hints}, when not empty, are
     * lower-case words of which every match contains at least one, so that a text without any of
     * them is skipped without running the (much slower, case-insensitive) pattern.
     */
    public record Forbidden(String label, Pattern pattern, String reason, List<String> hints) {

        public Forbidden {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(pattern, "pattern");
            reason = reason == null ? "" : reason;
            hints = hints == null ? List.of() : hints.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        }

        /** True when the pattern may match the text, judged by the hints on the text's lower-case form. */
        public boolean mayMatch(String lowerCaseText) {
            if (hints.isEmpty()) {
                return true;
            }
            for (String h : hints) {
                if (lowerCaseText.contains(h)) {
                    return true;
                }
            }
            return false;
        }

        /** A phrase matched at word starts, case-insensitively, with flexible whitespace. */
        public static Forbidden phrase(String phrase, String reason) {
            String[] words = phrase.strip().split("\\s+");
            StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    re.append("\\s+");
                }
                re.append(Pattern.quote(words[i]));
            }
            return new Forbidden(phrase.strip(), Pattern.compile(re.toString(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), reason, List.of(longest(words)));
        }

        /** The longest word is the rarest, so the best filter. */
        private static String longest(String[] words) {
            String best = words[0];
            for (String w : words) {
                if (w.length() > best.length()) {
                    best = w;
                }
            }
            return best;
        }

        /** A regular expression; {@code hints} may be empty (then it always runs). */
        public static Forbidden regex(String regex, String reason, List<String> hints) {
            return new Forbidden(regex, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), reason,
                    hints);
        }
    }

    public GuardrailPolicy {
        approvalCategories = approvalCategories == null ? Set.of() : Set.copyOf(approvalCategories);
        Map<String, List<Forbidden>> f = new HashMap<>();
        if (forbidden != null) {
            forbidden.forEach((k, v) -> f.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        forbidden = Map.copyOf(f);
        Map<String, List<String>> r = new HashMap<>();
        if (rules != null) {
            rules.forEach((k, v) -> r.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        }
        rules = Map.copyOf(r);
    }

    /**
     * The policy that ships with the library: drafts for {@code refund}, {@code billing},
     * {@code cancellation}, {@code complaint-legal} and {@code data-protection} need approval. The
     * ids are the sample taxonomy's (the one {@code deskassist init} scaffolds), so that a team
     * starting from it keeps the approval requirement; a taxonomy with other ids needs its own
     * policy, which {@code deskassist check} cross-checks against the taxonomy.
     */
    public static GuardrailPolicy defaults() {
        String res = "/dev/deskassist/core/draft/default-policy.json";
        try (InputStream in = GuardrailPolicy.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("built-in policy " + res + " missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in policy", e);
        }
    }

    /**
     * Reads a policy file, checked first against {@link ConfigSchema#GUARDRAIL_POLICY}.
     *
     * @throws PolicyException listing every problem with file, line and column
     */
    public static GuardrailPolicy load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PolicyException(file + ": file not found", e);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read policy file (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Parses policy JSON; {@code source} names it in error messages. */
    public static GuardrailPolicy parse(String json, String source) {
        ConfigSchema.GUARDRAIL_POLICY.requireValid(json, source, PolicyException::new);
        JsonObject root;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            root = r.readObject();
        } catch (JsonParsingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new PolicyException(source + ":" + line + ": malformed JSON", e);
        } catch (JsonException | IllegalStateException e) {
            throw new PolicyException(source + ": the policy must be a JSON object", e);
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String c : strings(root, "approvalCategories", source)) {
            categories.add(c.toLowerCase(Locale.ROOT));
        }
        Map<String, List<Forbidden>> forbidden = new HashMap<>();
        JsonObject fo = object(root, "forbidden", source);
        for (String lang : fo.keySet()) {
            JsonValue v = fo.get(lang);
            if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new PolicyException(source + ": forbidden." + lang + " must be an array");
            }
            List<Forbidden> list = new ArrayList<>();
            JsonArray arr = v.asJsonArray();
            for (int i = 0; i < arr.size(); i++) {
                String where = source + ": forbidden." + lang + "[" + i + "]";
                if (arr.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new PolicyException(where + " must be an object with 'phrase' or 'regex'");
                }
                JsonObject o = arr.getJsonObject(i);
                String reason = o.getString("reason", "");
                String phrase = o.getString("phrase", null);
                String regex = o.getString("regex", null);
                if ((phrase == null) == (regex == null)) {
                    throw new PolicyException(where + " needs exactly one of 'phrase' or 'regex'");
                }
                if (phrase != null && phrase.isBlank()) {
                    throw new PolicyException(where + ": empty phrase");
                }
                List<String> hints = new ArrayList<>();
                JsonValue hv = o.get("hints");
                if (hv != null && hv.getValueType() == JsonValue.ValueType.ARRAY) {
                    for (JsonValue h : hv.asJsonArray()) {
                        if (!(h instanceof JsonString hs) || hs.getString().isBlank()) {
                            throw new PolicyException(where + ": 'hints' must be non-empty strings");
                        }
                        hints.add(hs.getString());
                    }
                } else if (hv != null) {
                    throw new PolicyException(where + ": 'hints' must be an array of strings");
                }
                try {
                    list.add(phrase != null ? Forbidden.phrase(phrase, reason) : Forbidden.regex(regex, reason, hints));
                } catch (PatternSyntaxException e) {
                    throw new PolicyException(where + ": invalid regex (" + e.getDescription() + ")", e);
                }
            }
            forbidden.put(lang, list);
        }
        Map<String, List<String>> rules = new HashMap<>();
        JsonObject ro = object(root, "rules", source);
        for (String lang : ro.keySet()) {
            rules.put(lang, strings(ro, lang, source));
        }
        return new GuardrailPolicy(categories, root.getBoolean("approvalWhenCategoryUnknown", true),
                root.getBoolean("requireCitations", true), forbidden, rules);
    }

    /** Forbidden entries for a language, the {@code "*"} ones included. */
    public List<Forbidden> forbiddenFor(String language) {
        List<Forbidden> out = new ArrayList<>(forbidden.getOrDefault("*", List.of()));
        out.addAll(forbidden.getOrDefault(language == null ? "" : language.toLowerCase(Locale.ROOT), List.of()));
        return out;
    }

    private static JsonObject object(JsonObject root, String key, String source) {
        JsonValue v = root.get(key);
        if (v == null || v == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new PolicyException(source + ": '" + key + "' must be an object keyed by language");
        }
        return v.asJsonObject();
    }

    private static List<String> strings(JsonObject o, String key, String source) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new PolicyException(source + ": '" + key + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : v.asJsonArray()) {
            if (!(e instanceof JsonString s)) {
                throw new PolicyException(source + ": '" + key + "' must contain only strings");
            }
            out.add(s.getString());
        }
        return out;
    }
}
