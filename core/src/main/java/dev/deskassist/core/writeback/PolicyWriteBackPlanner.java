package dev.deskassist.core.writeback;

import dev.deskassist.core.Decimals;
import dev.deskassist.core.draft.AiDisclosure;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The standard {@link WriteBackPlanner}: applies a {@link WriteBackPolicy} to what triage,
 * summary and draft decided. AUTO values at or above their threshold are written, the rest are
 * suggested in one internal note rendered by {@link InternalNote}; tags are only ever added;
 * a HIGH or URGENT priority is never lowered; a public reply is planned only for an allowed
 * category, a confident draft without approval reasons and a ticket triage did not escalate.
 * Rules with {@linkplain OutputRule#categories() category overrides} are taken for the category
 * triage decided (the base rule when it abstained).
 * Drafts carry the reviewed disclosure, true once an agent checks and sends them; a draft this
 * planner sends by itself gets the {@linkplain AiDisclosure#unreviewed(String) unreviewed} line
 * instead, so the customer is not told a person checked it.
 *
 * <p>The plan is derived only from the policy, the engines' decisions and the ticket's current
 * tags, priority, group and fields, never from the ticket's text, so instructions hidden in a
 * customer message cannot change what is written.
 *
 * <pre>{@code
 * WriteBackPlanner planner = new PolicyWriteBackPlanner(WriteBackPolicy.fromJson(Path.of("writeback-policy.json")));
 * }</pre>
 */
public final class PolicyWriteBackPlanner implements WriteBackPlanner {

    /** Longest summary written into the summary field; helpdesk text fields are often limited. */
    static final int SUMMARY_FIELD_CHARS = 2_000;

    private final WriteBackPolicy policy;
    private final InternalNote note;
    private final AiDisclosure disclosure;
    /**
     * With category overrides, the planner of each overridden category (by lower-case id) and
     * the one of every other category, each with its flattened policy, built once here and not per
     * ticket; {@code otherCategories} is null when the policy has no overrides.
     */
    private final Map<String, PolicyWriteBackPlanner> byCategory;
    private final PolicyWriteBackPlanner otherCategories;

    /** A planner writing its note in the policy's note language, with the built-in disclosure wording. */
    public PolicyWriteBackPlanner(WriteBackPolicy policy) {
        this(policy, InternalNote.forLanguage(Objects.requireNonNull(policy, "policy").noteLanguage()));
    }

    /** A planner with a custom note template and the built-in disclosure wording. */
    public PolicyWriteBackPlanner(WriteBackPolicy policy, InternalNote note) {
        this(policy, note, AiDisclosure.defaults());
    }

    /**
     * A planner with a custom note template and disclosure wording; the wording's
     * {@linkplain AiDisclosure#unreviewed(String) unreviewed} line ends every public reply it plans.
     */
    public PolicyWriteBackPlanner(WriteBackPolicy policy, InternalNote note, AiDisclosure disclosure) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.note = Objects.requireNonNull(note, "note");
        this.disclosure = Objects.requireNonNull(disclosure, "disclosure");
        if (policy.hasCategoryOverrides()) {
            Map<String, PolicyWriteBackPlanner> planners = new HashMap<>();
            for (OutputRule rule : policy.rules().values()) {
                for (String id : rule.categories().keySet()) {
                    planners.computeIfAbsent(categoryKey(id),
                            k -> new PolicyWriteBackPlanner(policy.forCategory(id), note, disclosure));
                }
            }
            this.byCategory = Map.copyOf(planners);
            this.otherCategories = new PolicyWriteBackPlanner(policy.forCategory(null), note, disclosure);
        } else {
            this.byCategory = Map.of();
            this.otherCategories = null;
        }
    }

    /** How {@link OutputRule#forCategory} matches a category id: stripped, ignoring case. */
    private static String categoryKey(String category) {
        return category.strip().toLowerCase(Locale.ROOT);
    }

    /** The planner for a ticket of {@code category} (null: triage abstained); this one when there are no overrides. */
    private PolicyWriteBackPlanner forCategory(String category) {
        if (otherCategories == null) {
            return this;
        }
        return category == null ? otherCategories : byCategory.getOrDefault(categoryKey(category), otherCategories);
    }

    public WriteBackPolicy policy() {
        return policy;
    }

    @Override
    public WriteBack plan(Ticket ticket, TriageResult triage, Summary summary, Draft draft) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(triage, "triage");
        PolicyWriteBackPlanner forTicket = forCategory(triage.category().hasValue() ? triage.category().value() : null);
        if (forTicket != this) {
            // the rules for this ticket's category, without overrides: planned by the same code
            return forTicket.plan(ticket, triage, summary, draft);
        }
        WriteBack.Builder plan = WriteBack.builder(ticket.id());
        List<PlannedValue> values = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();

        category(ticket, triage.category(), plan, values, tags);
        priority(ticket, triage.priority(), plan, values);
        group(ticket, triage.group(), plan, values);
        field(ticket, Output.LANGUAGE, WriteBack.Field.LANGUAGE,
                triage.language().map(l -> TriageResult.UNKNOWN_LANGUAGE.equals(l) ? null : l), plan, values, tags,
                "lang_");
        field(ticket, Output.SENTIMENT, WriteBack.Field.SENTIMENT,
                triage.sentiment().map(s -> s.polarity().name().toLowerCase(Locale.ROOT)), plan, values, tags, null);
        if (policy.rule(Output.SENTIMENT).mode() != WriteMode.OFF && triage.sentiment().hasValue()
                && triage.sentiment().value().polarity() == Sentiment.Polarity.NEGATIVE) {
            tags.add(new Tag(policy.tagPrefix() + "sentiment_negative", triage.sentiment().confidence()));
        }
        boolean escalate = escalation(ticket, triage, plan, values, tags);

        List<String> tagsApplied = new ArrayList<>();
        List<String> tagsSuggested = new ArrayList<>();
        OutputRule tagRule = policy.rule(Output.TAGS);
        if (tagRule.mode() != WriteMode.OFF) {
            for (Tag tag : tags) {
                if (ticket.tags().contains(tag.name) || tagsApplied.contains(tag.name) || tagsSuggested.contains(tag.name)) {
                    continue;
                }
                if (tagRule.effective(tag.confidence) == WriteMode.AUTO) {
                    plan.addTag(tag.name);
                    tagsApplied.add(tag.name);
                } else {
                    tagsSuggested.add(tag.name);
                }
            }
        }

        Summary noteSummary = null;
        OutputRule summaryRule = policy.rule(Output.SUMMARY);
        if (summary != null && summaryRule.mode() != WriteMode.OFF) {
            noteSummary = summary;
            String text = summary.asText();
            if (summaryRule.effective(summary.confidence()) == WriteMode.AUTO && !text.isEmpty()
                    && !text.equals(ticket.customFields().get(WriteBack.Field.SUMMARY))) {
                plan.field(WriteBack.Field.SUMMARY, clip(text, SUMMARY_FIELD_CHARS));
                values.add(new PlannedValue(Output.SUMMARY, null, summary.confidence(), summary.reasons(),
                        PlannedValue.Disposition.APPLIED, ""));
            }
        }

        Draft noteDraft = null;
        ReplyDecision reply = null;
        if (draft != null && policy.rule(Output.DRAFT).mode() != WriteMode.OFF) {
            noteDraft = draft;
            reply = replyDecision(triage, draft, escalate);
            if (reply.publicReply()) {
                // no human sees this text before the customer does: the reviewed line would be false;
                // the note shows the same text, so the agent reads what was actually sent
                noteDraft = disclosure.asUnreviewed(draft);
                plan.publicReply(InternalNote.draftText(noteDraft));
            }
        }

        NoteContent content = new NoteContent(values, tagsApplied, tagsSuggested, escalate,
                triage.escalation().confidence(), triage.escalation().reasons(), noteSummary, noteDraft, reply);
        if (policy.internalNote() && content.hasNews() && !lastCommentIsOurNote(ticket)) {
            plan.internalNote(note.render(content));
        }
        return plan.build();
    }

    /**
     * True when nothing was written since our own last note: another event for the same state
     * (an update we caused, a field a human changed) must not stack a second note on the first.
     */
    private boolean lastCommentIsOurNote(Ticket ticket) {
        if (ticket.comments().isEmpty()) {
            return false;
        }
        Comment last = ticket.comments().get(ticket.comments().size() - 1);
        return last.isInternal() && last.body().full().startsWith(note.header());
    }

    // ---- outputs ------------------------------------------------------------------------------

    private record Tag(String name, double confidence) {
    }

    private void category(Ticket ticket, Decision<String> d, WriteBack.Builder plan, List<PlannedValue> values,
                          List<Tag> tags) {
        OutputRule rule = policy.rule(Output.CATEGORY);
        if (rule.mode() == WriteMode.OFF) {
            return;
        }
        if (!d.hasValue()) {
            values.add(new PlannedValue(Output.CATEGORY, null, d.confidence(), d.reasons(),
                    PlannedValue.Disposition.NO_VALUE, ""));
            tags.add(new Tag(policy.tagPrefix() + "needs_triage", 1.0));
            return;
        }
        tags.add(new Tag(policy.tagPrefix() + "category_" + slug(d.value()), d.confidence()));
        if (d.value().equals(ticket.customFields().get(WriteBack.Field.CATEGORY))) {
            values.add(new PlannedValue(Output.CATEGORY, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.ALREADY_SET, ""));
            return;
        }
        if (rule.effective(d.confidence()) == WriteMode.AUTO) {
            plan.field(WriteBack.Field.CATEGORY, d.value());
            plan.field(WriteBack.Field.CONFIDENCE, Decimals.twoPlaces(d.confidence()));
            values.add(new PlannedValue(Output.CATEGORY, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.APPLIED, ""));
        } else {
            values.add(suggested(Output.CATEGORY, d.value(), d, rule));
        }
    }

    private void priority(Ticket ticket, Decision<Priority> d, WriteBack.Builder plan, List<PlannedValue> values) {
        OutputRule rule = policy.rule(Output.PRIORITY);
        if (rule.mode() == WriteMode.OFF || !d.hasValue()) {
            return;
        }
        Priority want = d.value();
        Priority current = ticket.priority();
        String shown = want.name().toLowerCase(Locale.ROOT);
        if (want == current) {
            values.add(new PlannedValue(Output.PRIORITY, shown, d.confidence(), d.reasons(),
                    PlannedValue.Disposition.ALREADY_SET, ""));
            return;
        }
        if (current != null && current.isAbove(want)) {
            // The model cannot tell who set the current priority; HIGH and URGENT are almost always
            // a human's or an SLA rule's call, so lowering them is left to people.
            boolean protectedLevel = current.compareTo(Priority.HIGH) >= 0;
            if (protectedLevel || !policy.allowLowerPriority()) {
                values.add(new PlannedValue(Output.PRIORITY, shown, d.confidence(), d.reasons(),
                        PlannedValue.Disposition.KEPT, "current priority " + current.name().toLowerCase(Locale.ROOT)
                        + " is not lowered automatically"));
                return;
            }
        }
        if (rule.effective(d.confidence()) == WriteMode.AUTO) {
            plan.priority(want);
            values.add(new PlannedValue(Output.PRIORITY, shown, d.confidence(), d.reasons(),
                    PlannedValue.Disposition.APPLIED, ""));
        } else {
            values.add(suggested(Output.PRIORITY, shown, d, rule));
        }
    }

    private void group(Ticket ticket, Decision<String> d, WriteBack.Builder plan, List<PlannedValue> values) {
        OutputRule rule = policy.rule(Output.GROUP);
        if (rule.mode() == WriteMode.OFF || !d.hasValue()) {
            return;
        }
        if (d.value().equals(ticket.group())) {
            values.add(new PlannedValue(Output.GROUP, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.ALREADY_SET, ""));
        } else if (rule.effective(d.confidence()) == WriteMode.AUTO) {
            plan.group(d.value());
            values.add(new PlannedValue(Output.GROUP, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.APPLIED, ""));
        } else {
            values.add(suggested(Output.GROUP, d.value(), d, rule));
        }
    }

    private void field(Ticket ticket, Output output, String field, Decision<String> d, WriteBack.Builder plan,
                       List<PlannedValue> values, List<Tag> tags, String tagInfix) {
        OutputRule rule = policy.rule(output);
        if (rule.mode() == WriteMode.OFF || !d.hasValue()) {
            return;
        }
        if (tagInfix != null) {
            tags.add(new Tag(policy.tagPrefix() + tagInfix + slug(d.value()), d.confidence()));
        }
        if (d.value().equals(ticket.customFields().get(field))) {
            values.add(new PlannedValue(output, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.ALREADY_SET, ""));
        } else if (rule.effective(d.confidence()) == WriteMode.AUTO) {
            plan.field(field, d.value());
            values.add(new PlannedValue(output, d.value(), d.confidence(), d.reasons(),
                    PlannedValue.Disposition.APPLIED, ""));
        } else {
            values.add(suggested(output, d.value(), d, rule));
        }
    }

    private boolean escalation(Ticket ticket, TriageResult triage, WriteBack.Builder plan, List<PlannedValue> values,
                               List<Tag> tags) {
        OutputRule rule = policy.rule(Output.ESCALATION);
        Decision<Boolean> d = triage.escalation();
        if (rule.mode() == WriteMode.OFF || !triage.escalate()) {
            return false;
        }
        String tag = policy.tagPrefix() + "escalate";
        tags.add(new Tag(tag, d.confidence()));
        boolean already = "true".equals(ticket.customFields().get(WriteBack.Field.ESCALATION));
        if (already) {
            values.add(new PlannedValue(Output.ESCALATION, "true", d.confidence(), d.reasons(),
                    PlannedValue.Disposition.ALREADY_SET, ""));
            return !ticket.tags().contains(tag);
        }
        if (rule.effective(d.confidence()) == WriteMode.AUTO) {
            plan.field(WriteBack.Field.ESCALATION, "true");
        }
        return true;
    }

    private ReplyDecision replyDecision(TriageResult triage, Draft draft, boolean escalate) {
        OutputRule rule = policy.rule(Output.DRAFT);
        List<String> why = new ArrayList<>();
        if (rule.mode() != WriteMode.AUTO) {
            why.add("policy: drafts go to the internal note");
            return new ReplyDecision(false, why);
        }
        Decision<String> category = triage.category();
        if (!category.hasValue() || !policy.publicReplyCategories().contains(category.value())) {
            why.add("category " + (category.hasValue() ? "'" + category.value() + "'" : "(none)")
                    + " is not allowed for public replies");
        } else if (category.confidence() < policy.publicReplyMinCategoryConfidence()) {
            why.add("category confidence " + InternalNote.percent(category.confidence()) + " is below "
                    + InternalNote.percent(policy.publicReplyMinCategoryConfidence()));
        }
        if (draft.confidence() < rule.autoThreshold()) {
            why.add("draft confidence " + InternalNote.percent(draft.confidence()) + " is below "
                    + InternalNote.percent(rule.autoThreshold()));
        }
        if (draft.requiresApproval()) {
            why.add("the draft needs approval");
        }
        if (escalate || triage.escalate()) {
            why.add("triage escalated the ticket");
        }
        if (!draft.language().equalsIgnoreCase(triage.languageCode())) {
            why.add("draft language " + draft.language() + " differs from the customer's " + triage.languageCode());
        }
        if (draft.body().isBlank()) {
            why.add("the draft is empty");
        }
        if (!why.isEmpty()) {
            return new ReplyDecision(false, why);
        }
        return new ReplyDecision(true, List.of("category '" + category.value() + "' allows public replies; draft "
                + InternalNote.percent(draft.confidence()) + ", no approval needed"));
    }

    private static PlannedValue suggested(Output output, String shown, Decision<?> d, OutputRule rule) {
        String why = rule.mode() == WriteMode.AUTO
                ? "confidence below the " + InternalNote.percent(rule.autoThreshold()) + " needed to apply"
                : "policy: suggest only";
        return new PlannedValue(output, shown, d.confidence(), d.reasons(), PlannedValue.Disposition.SUGGESTED, why);
    }

    /** Lower-case letters, digits and '_' only, so that a tag is valid in every helpdesk. */
    /**
     * Lower case, every run of characters that are neither letters nor numbers as one '_', none at
     * either end. Written out because two {@code replaceAll}s compiled two patterns per tag, for
     * every event.
     */
    static String slug(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isLetterOrNumber(cp)) {
                if (gap && !sb.isEmpty()) {
                    sb.append('_');
                }
                gap = false;
                sb.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return sb.isEmpty() ? "unknown" : sb.toString();
    }

    /** {@code \\p{L}} or {@code \\p{N}}: any letter category, or a decimal, letter or other number. */
    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
