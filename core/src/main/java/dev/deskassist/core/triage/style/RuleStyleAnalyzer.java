package dev.deskassist.core.triage.style;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.StyleAnalyzer;
import dev.deskassist.core.triage.StyleProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Offline style profile from word-list and pattern cues: register (greetings, closings, slang,
 * emoji), form of address (Sie/du, vous/tu, usted/tú, Lei/tu, u/jij, o senhor/tu, Pan/ty),
 * technical level (error codes, stack traces, API terms vs. "keine Ahnung", "what does that mean")
 * and length. A dimension without any cue stays {@code UNKNOWN}; the reasons name every cue.
 * Deterministic and thread-safe.
 *
 * <p>Confidence says how much of the profile rests on cues: 0.4 plus 0.2 for each of formality,
 * address and expertise that was decided.
 */
public final class RuleStyleAnalyzer implements StyleAnalyzer {

    static final String NAME = "rule-style";

    /** A text of at least this many words is {@link StyleProfile.Length#LONG}. */
    public static final int LONG_WORDS = 80;

    private static final Set<String> CONTRACTIONS = Set.of("i'm", "i've", "i'll", "i'd", "can't", "don't",
            "doesn't", "didn't", "won't", "isn't", "it's", "that's", "you're", "we're", "they're");
    private static final Map<String, CueIndex> INDEXES = indexes();
    private static final CueIndex NO_LANGUAGE = StyleCues.NO_LANGUAGE.index();

    private final int maxChars;

    /** An analyzer reading the first 4,000 chars of a text. */
    public RuleStyleAnalyzer() {
        this(4000);
    }

    /** An analyzer reading the first {@code maxChars} chars of a text. */
    public RuleStyleAnalyzer(int maxChars) {
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    @Override
    public Decision<StyleProfile> analyze(String text, String language) {
        if (text == null || text.isBlank()) {
            return Decision.none(NAME, "no text");
        }
        String s = text.length() > maxChars ? text.substring(0, maxChars) : text;
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        CueIndex index = INDEXES.get(lang);
        List<String> reasons = new ArrayList<>();
        if (index == null) {
            index = NO_LANGUAGE;
            reasons.add(lang.isEmpty() ? "language unknown: only language-independent cues"
                    : "no style cues for '" + lang + "': only language-independent cues");
        }

        StyleText t = StyleText.of(s);
        // address first: the form of address also marks the register
        List<Set<String>> found = index.collect(t);
        Set<String> formalAddress = found.get(StyleCues.FORMAL_ADDRESS);
        formalAddress.addAll(found.get(StyleCues.FORMAL_ADDRESS_MID));
        Set<String> informalAddress = found.get(StyleCues.INFORMAL_ADDRESS);
        StyleProfile.Address address = decide(formalAddress.size(), informalAddress.size(),
                StyleProfile.Address.FORMAL, StyleProfile.Address.INFORMAL, StyleProfile.Address.UNKNOWN);
        if (address != StyleProfile.Address.UNKNOWN) {
            reasons.add("address " + address.name().toLowerCase(Locale.ROOT) + ": "
                    + describe(formalAddress, informalAddress, address == StyleProfile.Address.FORMAL));
        }

        Set<String> formal = found.get(StyleCues.FORMAL);
        Set<String> informal = found.get(StyleCues.INFORMAL);
        informal.addAll(found.get(StyleCues.INFORMAL_ANY_KIND));
        if ("en".equals(lang)) {
            int contractions = 0;
            for (String w : t.lower) {
                if (CONTRACTIONS.contains(w)) {
                    contractions++;
                }
            }
            if (contractions >= 2) {
                informal.add(contractions + " contractions");
            }
        }
        if (t.emoji > 0) {
            informal.add(t.emoji + " emoji");
        }
        if (s.contains("!!") || s.contains("??")) {
            informal.add("repeated punctuation");
        }
        int formalScore = formal.size() + formalAddress.size() + (address == StyleProfile.Address.FORMAL ? 1 : 0);
        int informalScore = informal.size() + (address == StyleProfile.Address.INFORMAL ? 2 : 0);
        StyleProfile.Formality formality = decide(formalScore, informalScore, StyleProfile.Formality.FORMAL,
                StyleProfile.Formality.INFORMAL, StyleProfile.Formality.UNKNOWN);
        if (formality != StyleProfile.Formality.UNKNOWN) {
            Set<String> shown = formality == StyleProfile.Formality.FORMAL ? formal : informal;
            reasons.add("register " + formality.name().toLowerCase(Locale.ROOT) + ": "
                    + (shown.isEmpty() ? "form of address" : quote(shown)));
        }

        Set<String> expert = new LinkedHashSet<>();
        int strong = 0;
        for (StyleCues.Strong p : StyleCues.EXPERT_STRONG) {
            if (s.contains(p.literal())) {
                Matcher m = p.pattern().matcher(s);
                if (m.find()) {
                    expert.add(shorten(m.group()));
                    strong++;
                }
            }
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            String next = t.lower.get(i + 1);
            if (StyleCues.STATUS_WORDS.contains(t.lower.get(i)) && next.length() == 3
                    && (next.charAt(0) == '4' || next.charAt(0) == '5') && Character.isDigit(next.charAt(1))
                    && Character.isDigit(next.charAt(2))) {
                expert.add(t.original.get(i) + " " + next);
                strong++;
                break;
            }
        }
        Set<String> terms = found.get(StyleCues.EXPERT);
        expert.addAll(terms);
        Set<String> beginner = found.get(StyleCues.BEGINNER);
        int expertScore = 2 * strong + terms.size();
        StyleProfile.Expertise expertise;
        if (beginner.size() > 0 && expertScore < 3 * beginner.size()) {
            expertise = StyleProfile.Expertise.BEGINNER;
            reasons.add("beginner: " + quote(beginner));
        } else if (expertScore >= 2) {
            expertise = StyleProfile.Expertise.EXPERT;
            reasons.add("expert: " + quote(expert));
        } else {
            expertise = StyleProfile.Expertise.UNKNOWN;
        }

        int words = Math.min(t.size(), LONG_WORDS);
        StyleProfile.Length length = words >= LONG_WORDS ? StyleProfile.Length.LONG : StyleProfile.Length.SHORT;
        reasons.add(length == StyleProfile.Length.LONG ? "long: " + LONG_WORDS + "+ words"
                : "short: " + words + " words");

        int decided = (formality != StyleProfile.Formality.UNKNOWN ? 1 : 0)
                + (address != StyleProfile.Address.UNKNOWN ? 1 : 0)
                + (expertise != StyleProfile.Expertise.UNKNOWN ? 1 : 0);
        StyleProfile profile = new StyleProfile(formality, address, expertise, length);
        return new Decision<>(profile, 0.4 + 0.2 * decided, reasons, NAME);
    }

    private static Map<String, CueIndex> indexes() {
        Map<String, CueIndex> m = new HashMap<>();
        StyleCues.BY_LANGUAGE.forEach((lang, cues) -> m.put(lang, cues.index()));
        return Map.copyOf(m);
    }

    private static <T> T decide(int a, int b, T first, T second, T unknown) {
        return a > b ? first : b > a ? second : unknown;
    }

    private static String describe(Set<String> formal, Set<String> informal, boolean formalWon) {
        return quote(formalWon ? formal : informal)
                + ((formalWon ? informal : formal).isEmpty() ? "" : " (also " + quote(formalWon ? informal : formal) + ")");
    }

    private static String quote(Set<String> cues) {
        return "'" + String.join("', '", cues) + "'";
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
