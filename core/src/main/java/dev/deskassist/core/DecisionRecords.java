package dev.deskassist.core;

import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityType;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns an {@link Assistance} into its audit record, keeping decisions and dropping all text. */
final class DecisionRecords {

    private DecisionRecords() {
    }

    static DecisionRecord of(Assistance a, Instant at, Map<String, Long> timings) {
        TriageResult t = a.triage();
        List<FieldDecision> out = new ArrayList<>();
        out.add(field("language", t.language(), String::valueOf));
        out.add(field("sentiment", t.sentiment(), DecisionRecords::sentiment));
        out.add(field("style", t.style(), DecisionRecords::style));
        out.add(new FieldDecision("entities", entityCounts(t.entities()), 1.0, List.of(), "extractor"));
        out.add(field("category", t.category(), String::valueOf));
        out.add(field("priority", t.priority(), p -> p.name().toLowerCase(Locale.ROOT)));
        out.add(field("group", t.group(), String::valueOf));
        out.add(field("escalation", t.escalation(), String::valueOf));
        a.summary().ifPresent(s -> out.add(new FieldDecision("summary", "present", s.confidence(), s.reasons(),
                s.decidedBy())));
        a.draft().ifPresent(d -> {
            String value = "language=" + d.language() + "; requiresApproval=" + d.requiresApproval()
                    + "; citations=" + d.citations().stream().map(c -> c.passageId() != null ? c.passageId()
                    : c.articleId()).collect(Collectors.joining(","));
            List<String> reasons = new ArrayList<>(d.reasons());
            d.approvalReasons().forEach(r -> reasons.add("approval: " + r));
            out.add(new FieldDecision("draft", value, d.confidence(), reasons, d.decidedBy()));
        });
        out.add(new FieldDecision("writeBack", a.writeBack().toString(), 1.0, List.of(), "planner"));
        return new DecisionRecord(UUID.randomUUID().toString(), a.ticketId(), at, DeskAssist.VERSION, out, timings,
                a.problems());
    }

    private static <T> FieldDecision field(String name, Decision<T> d, java.util.function.Function<T, String> show) {
        String value = d.hasValue() ? show.apply(d.value()) : null;
        return new FieldDecision(name, value, d.confidence(), d.reasons(), d.decidedBy());
    }

    private static String sentiment(Sentiment s) {
        return s.polarity().name().toLowerCase(Locale.ROOT) + " score=" + Decimals.twoPlaces(s.score()) + " frustration="
                + Decimals.twoPlaces(s.frustration()) + " urgency=" + Decimals.twoPlaces(s.urgency());
    }

    private static String style(StyleProfile s) {
        return ("formality=" + s.formality() + " address=" + s.address() + " expertise=" + s.expertise()
                + " length=" + s.length()).toLowerCase(Locale.ROOT);
    }

    private static String entityCounts(List<Entity> entities) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        entities.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
