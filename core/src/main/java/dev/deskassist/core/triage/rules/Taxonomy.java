package dev.deskassist.core.triage.rules;

import dev.deskassist.core.config.ConfigSchema;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The team's categories with their routing groups, flags and keyword / pattern rules, usually
 * read from a JSON file:
 *
 * <pre>{@code
 * {
 *   "version": "nordwind-2024.1",          // optional, recorded in reasons and audit
 *   "fallbackGroup": "Triage",             // where tickets go when no category is chosen
 *   "categories": [
 *     {
 *       "id": "billing",                   // the label the classifier predicts
 *       "description": "Invoices, charges, payment methods",
 *       "group": "Billing",
 *       "flags": ["needsOrderNumber"],     // optional, free-form; see Category
 *       "attributes": {"slaHours": "24"},  // optional, free-form strings
 *       "rules": [
 *         {"language": "de", "keywords": ["rechnung", "abbuchung", "zahlung*"], "weight": 1.0},
 *         {"language": "en", "patterns": ["\\bcharged twice\\b"], "force": true},
 *         {"id": "iban", "language": "*", "keywords": ["iban"]}
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * A rule has {@code keywords} ({@link TermIndex} syntax: inflection and compound tolerant,
 * case-insensitive) and/or {@code patterns} (Java regular expressions, matched case-insensitively),
 * a {@code language} (ISO 639-1 or {@code "*"}, the default), {@code force} (default false) and a
 * boost {@code weight} in (0,10] (default 1.0). Rule ids default to {@code category#n}. The order of
 * categories is their precedence when forcing rules of two categories fire.
 *
 * <p>Immutable and thread-safe. All keywords of all rules are compiled into one {@link TermIndex},
 * so matching costs one pass over the text however many rules there are.
 */
public final class Taxonomy {

    private final String version;
    private final String fallbackGroup;
    private final Map<String, Category> categories;
    private final List<RuleRef> rules;
    private final TermIndex index;
    private final int[] termRule;

    private record RuleRef(Category category, CategoryRule rule) {
    }

    /** A rule that fired on a text, with what it matched (a term or pattern of the rule, never ticket text). */
    public record FiredRule(Category category, CategoryRule rule, String matched) {
    }

    private Taxonomy(String version, String fallbackGroup, List<Category> list) {
        this.version = version == null ? "unversioned" : version;
        this.fallbackGroup = Objects.requireNonNull(fallbackGroup, "fallbackGroup");
        Map<String, Category> byId = new LinkedHashMap<>();
        List<RuleRef> refs = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<Integer> termRules = new ArrayList<>();
        for (Category c : list) {
            if (byId.put(c.id(), c) != null) {
                throw new IllegalArgumentException("duplicate category id " + c.id());
            }
            for (CategoryRule r : c.rules()) {
                for (String k : r.keywords()) {
                    terms.add(k);
                    termRules.add(refs.size());
                }
                refs.add(new RuleRef(c, r));
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("a taxonomy needs at least one category");
        }
        this.categories = java.util.Collections.unmodifiableMap(byId);
        this.rules = List.copyOf(refs);
        this.index = TermIndex.of(terms);
        this.termRule = termRules.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A taxonomy from plain Java values. */
    public static Taxonomy of(String version, String fallbackGroup, List<Category> categories) {
        return new Taxonomy(version, fallbackGroup, categories);
    }

    /**
     * Reads a taxonomy file, checked first against {@link ConfigSchema#TAXONOMY}; every problem is a
     * {@link RulesFileException} naming the file and the place (line, column, JSON pointer).
     */
    public static Taxonomy load(Path file) {
        return from(JsonNode.read(file, ConfigSchema.TAXONOMY));
    }

    /** Reads a taxonomy from a stream (a class-path resource, say); {@code source} names it in errors. */
    public static Taxonomy read(InputStream in, String source) {
        return from(JsonNode.read(in, source, ConfigSchema.TAXONOMY));
    }

    /** Parses taxonomy JSON; {@code source} names it in errors. */
    public static Taxonomy parse(String json, String source) {
        return from(JsonNode.parse(json, source, ConfigSchema.TAXONOMY));
    }

    private static Taxonomy from(JsonNode root) {
        List<Category> list = new ArrayList<>();
        List<JsonNode> cats = root.get("categories").list();
        if (cats.isEmpty()) {
            throw root.get("categories").error("at least one category is needed");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (JsonNode c : cats) {
            String id = c.string("id");
            if (!ids.add(id)) {
                throw c.get("id").error("duplicate category id '" + id + "'");
            }
            List<CategoryRule> rules = new ArrayList<>();
            JsonNode rulesNode = c.opt("rules");
            if (rulesNode != null) {
                List<JsonNode> rs = rulesNode.list();
                for (int i = 0; i < rs.size(); i++) {
                    rules.add(rule(rs.get(i), id + "#" + (i + 1)));
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode attrs = c.opt("attributes");
            if (attrs != null) {
                attrs.members().forEach((k, v) -> attributes.put(k, v.asString()));
            }
            JsonNode flags = c.opt("flags");
            list.add(new Category(id, c.string("description", ""), c.string("group"),
                    flags == null ? null : new LinkedHashSet<>(flags.strings()), attributes, rules));
        }
        try {
            return new Taxonomy(root.string("version", null), root.string("fallbackGroup", "Triage"), list);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage(), e);
        }
    }

    private static CategoryRule rule(JsonNode r, String defaultId) {
        String id = r.string("id", defaultId);
        List<String> keywords = r.has("keywords") ? r.get("keywords").strings() : List.of();
        for (int i = 0; i < keywords.size(); i++) {
            try {
                TermIndex.of(List.of(keywords.get(i)));
            } catch (IllegalArgumentException e) {
                throw r.get("keywords").list().get(i).error(e.getMessage());
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        if (r.has("patterns")) {
            for (JsonNode p : r.get("patterns").list()) {
                try {
                    patterns.add(Pattern.compile(p.asString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (PatternSyntaxException e) {
                    throw p.error("invalid regex: " + e.getDescription() + " at index " + e.getIndex());
                }
            }
        }
        if (keywords.isEmpty() && patterns.isEmpty()) {
            throw r.error("a rule needs \"keywords\" or \"patterns\"");
        }
        double weight = r.number("weight", 1.0);
        if (!(weight > 0.0 && weight <= 10.0)) {
            throw r.get("weight").error("must be in (0,10], was " + weight);
        }
        return new CategoryRule(id, r.string("language", CategoryRule.ANY_LANGUAGE), keywords, patterns,
                r.bool("force", false), weight);
    }

    public String version() {
        return version;
    }

    /** The group for tickets without a category. */
    public String fallbackGroup() {
        return fallbackGroup;
    }

    /** Categories in file order. */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(id == null ? null : categories.get(id));
    }

    /**
     * The rules that fire on a text in {@code language} (unknown language: all rules), in taxonomy
     * order, each once. {@code text} is only needed for regex patterns; keywords match {@code folded}.
     */
    public List<FiredRule> fire(String text, FoldedText folded, String language) {
        BitSet hits = index.match(folded);
        String[] matched = new String[rules.size()];
        for (int t = hits.nextSetBit(0); t >= 0; t = hits.nextSetBit(t + 1)) {
            int r = termRule[t];
            if (matched[r] == null && rules.get(r).rule().appliesTo(language)) {
                matched[r] = "keyword '" + index.terms().get(t) + "'";
            }
        }
        List<FiredRule> out = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleRef ref = rules.get(r);
            if (matched[r] == null && !ref.rule().patterns().isEmpty() && ref.rule().appliesTo(language) && text != null) {
                for (Pattern p : ref.rule().patterns()) {
                    Matcher m = p.matcher(text);
                    if (m.find()) {
                        matched[r] = "pattern /" + p.pattern() + "/";
                        break;
                    }
                }
            }
            if (matched[r] != null) {
                out.add(new FiredRule(ref.category(), ref.rule(), matched[r]));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Taxonomy[version=" + version + ", categories=" + categories.size() + ", rules=" + rules.size() + "]";
    }
}
