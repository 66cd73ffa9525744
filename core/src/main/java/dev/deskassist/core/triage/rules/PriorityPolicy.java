package dev.deskassist.core.triage.rules;

import dev.deskassist.core.Decimals;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.config.ConfigSchema;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides LOW / NORMAL / HIGH / URGENT by adding up points from the rules that fire: keyword cues
 * per language ("Kündigung", "fraud", "Ausfall", "Anwalt" ...), the customer's sentiment, the
 * requester's segments (vip, enterprise), the channel, the SLA due time and repeated contacts.
 * A cue may also set a minimum priority and mark the ticket for escalation. Every rule that fired
 * is named in the reasons; confidence grows with the weight of evidence.
 *
 * <p>JSON format (all sections but {@code cues} optional; shown with their defaults):
 * <pre>{@code
 * {
 *   "version": "nordwind-priority-1",
 *   "levels": {"low": -1, "high": 2, "urgent": 4},  // points <= low: LOW, >= urgent: URGENT, >= high: HIGH
 *   "cues": [
 *     {"id": "cancellation", "points": 2, "minimum": "HIGH", "escalate": true,
 *      "terms": {"de": ["kündigung", "kündig*"], "en": ["cancel my subscription"]}},
 *     {"id": "no-hurry", "points": -2, "terms": {"de": ["keine eile"], "en": ["no rush"]}}
 *   ],
 *   "sentiment": {"negativeBelow": -0.3, "negativePoints": 1, "upsetPoints": 2,
 *                 "urgencyAbove": 0.6, "urgencyPoints": 1},
 *   "segments": {"vip": 2, "enterprise": 1},
 *   "channels": {"phone": 1, "chat": 1},
 *   "sla": {"dueWithinHours": 4, "points": 2, "overduePoints": 3},
 *   "repeatedContact": {"priorContactsAtLeast": 2, "customerTurnsAtLeast": 3, "points": 1}
 * }
 * }</pre>
 * Terms use {@link TermIndex} syntax, so "kündigung" also matches "gekündigt" and
 * "Kündigungsbestätigung". For a text in an unknown language the cues of every language apply.
 * Immutable and thread-safe.
 */
public final class PriorityPolicy {

    /** One keyword cue. */
    public record Cue(String id, int points, Priority minimum, boolean escalate, Map<String, List<String>> terms) {
        public Cue {
            Objects.requireNonNull(id, "id");
            terms = Map.copyOf(terms);
        }
    }

    private final String version;
    private final int lowAtMost;
    private final int highAtLeast;
    private final int urgentAtLeast;
    private final List<Cue> cues;
    private final TermIndex index;
    private final int[] termCue;
    private final String[] termLang;
    private final double negativeBelow;
    private final int negativePoints;
    private final int upsetPoints;
    private final double urgencyAbove;
    private final int urgencyPoints;
    private final Map<String, Integer> segments;
    private final Map<String, Integer> channels;
    private final double slaHours;
    private final int slaPoints;
    private final int slaOverduePoints;
    private final int priorContactsAtLeast;
    private final int customerTurnsAtLeast;
    private final int repeatPoints;

    private PriorityPolicy(JsonNode root) {
        version = root.string("version", "unversioned");
        JsonNode levels = root.opt("levels");
        lowAtMost = levels == null ? -1 : (int) levels.number("low", -1);
        highAtLeast = levels == null ? 2 : (int) levels.number("high", 2);
        urgentAtLeast = levels == null ? 4 : (int) levels.number("urgent", 4);
        if (!(lowAtMost < highAtLeast && highAtLeast <= urgentAtLeast)) {
            throw (levels == null ? root : levels).error("need low < high <= urgent");
        }
        List<Cue> cueList = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<Integer> cueOfTerm = new ArrayList<>();
        List<String> langOfTerm = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode c : root.get("cues").list()) {
            String id = c.string("id");
            if (!ids.add(id)) {
                throw c.get("id").error("duplicate cue id '" + id + "'");
            }
            Priority minimum = null;
            if (c.has("minimum")) {
                minimum = Priority.parse(c.string("minimum"))
                        .orElseThrow(() -> c.get("minimum").error("expected LOW, NORMAL, HIGH or URGENT"));
            }
            Map<String, List<String>> byLang = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : c.get("terms").members().entrySet()) {
                List<String> ts = e.getValue().strings();
                List<JsonNode> nodes = e.getValue().list();
                for (int i = 0; i < ts.size(); i++) {
                    try {
                        TermIndex.of(List.of(ts.get(i)));
                    } catch (IllegalArgumentException ex) {
                        throw nodes.get(i).error(ex.getMessage());
                    }
                    terms.add(ts.get(i));
                    cueOfTerm.add(cueList.size());
                    langOfTerm.add(e.getKey());
                }
                byLang.put(e.getKey(), ts);
            }
            if (byLang.isEmpty()) {
                throw c.get("terms").error("a cue needs terms for at least one language");
            }
            cueList.add(new Cue(id, (int) c.number("points", 1), minimum, c.bool("escalate", false), byLang));
        }
        cues = List.copyOf(cueList);
        index = TermIndex.of(terms);
        termCue = cueOfTerm.stream().mapToInt(Integer::intValue).toArray();
        termLang = langOfTerm.toArray(new String[0]);

        JsonNode s = root.opt("sentiment");
        negativeBelow = s == null ? -0.3 : s.number("negativeBelow", -0.3);
        negativePoints = s == null ? 1 : (int) s.number("negativePoints", 1);
        upsetPoints = s == null ? 2 : (int) s.number("upsetPoints", 2);
        urgencyAbove = s == null ? 0.6 : s.number("urgencyAbove", 0.6);
        urgencyPoints = s == null ? 1 : (int) s.number("urgencyPoints", 1);
        segments = points(root.opt("segments"), Map.of("vip", 2, "enterprise", 1));
        channels = points(root.opt("channels"), Map.of("phone", 1, "chat", 1));
        JsonNode sla = root.opt("sla");
        slaHours = sla == null ? 4 : sla.number("dueWithinHours", 4);
        slaPoints = sla == null ? 2 : (int) sla.number("points", 2);
        slaOverduePoints = sla == null ? 3 : (int) sla.number("overduePoints", 3);
        JsonNode rep = root.opt("repeatedContact");
        priorContactsAtLeast = rep == null ? 2 : (int) rep.number("priorContactsAtLeast", 2);
        customerTurnsAtLeast = rep == null ? 3 : (int) rep.number("customerTurnsAtLeast", 3);
        repeatPoints = rep == null ? 1 : (int) rep.number("points", 1);
    }

    private static Map<String, Integer> points(JsonNode node, Map<String, Integer> fallback) {
        if (node == null) {
            return fallback;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        node.members().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), (int) v.asNumber()));
        return Map.copyOf(out);
    }

    /**
     * Reads a policy file, checked first against {@link ConfigSchema#PRIORITY_POLICY}; every problem
     * is a {@link RulesFileException} naming the file and the place (line, column, JSON pointer).
     */
    public static PriorityPolicy load(Path file) {
        return new PriorityPolicy(JsonNode.read(file, ConfigSchema.PRIORITY_POLICY));
    }

    public static PriorityPolicy read(InputStream in, String source) {
        return new PriorityPolicy(JsonNode.read(in, source, ConfigSchema.PRIORITY_POLICY));
    }

    public static PriorityPolicy parse(String json, String source) {
        return new PriorityPolicy(JsonNode.parse(json, source, ConfigSchema.PRIORITY_POLICY));
    }

    /** The built-in German/English/French policy (cancellation, fraud, outage, payment stop, data loss, legal ...). */
    public static PriorityPolicy defaults() {
        return read(PriorityPolicy.class.getResourceAsStream("default-priority-policy.json"),
                "default-priority-policy.json");
    }

    public String version() {
        return version;
    }

    public List<Cue> cues() {
        return cues;
    }

    /**
     * Assesses a ticket. {@code folded} is the customer's text, {@code language} its language
     * ({@code null} or "und": cues of all languages), {@code now} the time SLA due dates are
     * measured against.
     */
    public PriorityAssessment assess(Ticket ticket, FoldedText folded, String language, Decision<Sentiment> sentiment,
                                     Instant now) {
        List<String> reasons = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        List<String> escalating = new ArrayList<>();
        int total = 0;
        int evidence = 0;
        Priority floor = Priority.LOW;
        String floorBy = null;

        BitSet hits = index.match(folded);
        String[] matched = new String[cues.size()];
        boolean anyLanguage = language == null || "und".equals(language);
        for (int t = hits.nextSetBit(0); t >= 0; t = hits.nextSetBit(t + 1)) {
            int c = termCue[t];
            if (matched[c] == null && (anyLanguage || termLang[t].equals(language) || "*".equals(termLang[t]))) {
                matched[c] = index.terms().get(t);
            }
        }
        for (int c = 0; c < cues.size(); c++) {
            if (matched[c] == null) {
                continue;
            }
            Cue cue = cues.get(c);
            total += cue.points();
            evidence += Math.abs(cue.points()) + 1;
            fired.add("cue:" + cue.id());
            StringBuilder r = new StringBuilder("cue ").append(cue.id()).append(" (").append(signed(cue.points()));
            if (cue.minimum() != null) {
                r.append(", at least ").append(cue.minimum());
                if (cue.minimum().isAbove(floor)) {
                    floor = cue.minimum();
                    floorBy = cue.id();
                }
            }
            r.append("): '").append(matched[c]).append('\'');
            reasons.add(r.toString());
            if (cue.escalate()) {
                escalating.add(cue.id());
            }
        }

        if (sentiment != null && sentiment.hasValue()) {
            Sentiment s = sentiment.value();
            if (s.isUpset()) {
                total += upsetPoints;
                evidence += Math.abs(upsetPoints) + 1;
                fired.add("sentiment:upset");
                reasons.add("customer upset (score " + Decimals.twoPlaces(s.score()) + ", frustration "
                        + Decimals.twoPlaces(s.frustration()) + ") (" + signed(upsetPoints) + ")");
            } else if (s.score() < negativeBelow) {
                total += negativePoints;
                evidence += Math.abs(negativePoints) + 1;
                fired.add("sentiment:negative");
                reasons.add("negative sentiment " + Decimals.twoPlaces(s.score()) + " < " + Decimals.twoPlaces(negativeBelow)
                        + " (" + signed(negativePoints) + ")");
            }
            if (s.urgency() > urgencyAbove) {
                total += urgencyPoints;
                evidence += Math.abs(urgencyPoints) + 1;
                fired.add("sentiment:urgency");
                reasons.add("urgency cues " + Decimals.twoPlaces(s.urgency()) + " > " + Decimals.twoPlaces(urgencyAbove)
                        + " (" + signed(urgencyPoints) + ")");
            }
        }

        for (String seg : ticket.requester().segments()) {
            Integer p = segments.get(seg);
            if (p != null && p != 0) {
                total += p;
                evidence += Math.abs(p) + 1;
                fired.add("segment:" + seg);
                reasons.add("requester segment " + seg + " (" + signed(p) + ")");
            }
        }

        if (ticket.channel() != null) {
            String ch = ticket.channel().toLowerCase(Locale.ROOT);
            Integer p = channels.get(ch);
            if (p != null && p != 0) {
                total += p;
                evidence += Math.abs(p) + 1;
                fired.add("channel:" + ch);
                reasons.add("channel " + ch + " (" + signed(p) + ")");
            }
        }

        if (ticket.slaDueAt() != null && now != null) {
            Duration left = Duration.between(now, ticket.slaDueAt());
            if (left.isNegative()) {
                total += slaOverduePoints;
                evidence += Math.abs(slaOverduePoints) + 1;
                fired.add("sla:overdue");
                reasons.add("SLA overdue by " + hours(left.negated()) + " (" + signed(slaOverduePoints) + ")");
            } else if (left.toMinutes() <= slaHours * 60) {
                total += slaPoints;
                evidence += Math.abs(slaPoints) + 1;
                fired.add("sla:due-soon");
                reasons.add("SLA due in " + hours(left) + ", within " + fmtHours(slaHours) + "h (" + signed(slaPoints) + ")");
            }
        }

        int turns = ticket.customerTurns();
        if (ticket.priorContacts() >= priorContactsAtLeast || turns >= customerTurnsAtLeast) {
            total += repeatPoints;
            evidence += Math.abs(repeatPoints) + 1;
            fired.add("repeated-contact");
            reasons.add("repeated contact: " + ticket.priorContacts() + " prior contacts, " + turns
                    + " customer messages (" + signed(repeatPoints) + ")");
        }

        Priority byPoints = total >= urgentAtLeast ? Priority.URGENT
                : total >= highAtLeast ? Priority.HIGH
                : total <= lowAtMost ? Priority.LOW : Priority.NORMAL;
        Priority result = byPoints;
        double confidence = 1.0 - 0.5 * Math.exp(-0.3 * evidence);
        if (floor.isAbove(byPoints)) {
            result = floor;
            confidence = Math.max(confidence, 0.8);
            reasons.add("cue " + floorBy + " sets the minimum " + floor);
        }
        if (fired.isEmpty()) {
            reasons.add("no priority rule fired: " + result.name().toLowerCase(Locale.ROOT));
        } else {
            reasons.add("total " + signed(total) + " points: " + byPoints.name().toLowerCase(Locale.ROOT)
                    + " (high at " + highAtLeast + ", urgent at " + urgentAtLeast + ")");
        }
        Decision<Priority> decision = Decision.of(result, Math.min(0.97, confidence), "priority-policy " + version, reasons);
        return new PriorityAssessment(decision, fired, escalating);
    }

    private static String signed(int p) {
        return p >= 0 ? "+" + p : String.valueOf(p);
    }

    private static String hours(Duration d) {
        long m = d.toMinutes();
        return m < 120 ? m + " min" : (m / 60) + "h";
    }

    private static String fmtHours(double h) {
        return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
    }

    @Override
    public String toString() {
        return "PriorityPolicy[version=" + version + ", cues=" + cues.size() + "]";
    }
}
