package dev.deskassist.core.summary;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline summarizer: picks sentences from the whole conversation (opening message and
 * comments in order, customer and agent turns, internal notes marked as such) by position and
 * language-specific cues, and fills each part of a {@link Summary} within a {@link SummaryBudget}.
 * Only newly written text is read ({@link MessageText#text()}): quoted history and signatures
 * never reach the summary. Deterministic, no network, bounded in time by the budget.
 *
 * <pre>{@code
 * Summarizing summarizer = ExtractiveSummarizer.builder()
 *     .budget(SummaryBudget.DEFAULTS.withTotalChars(800))
 *     .build();
 * Summary s = summarizer.summarize(ticket, triageResult);
 * }</pre>
 */
public final class ExtractiveSummarizer implements Summarizing {

    /** The {@code decidedBy} of every summary this engine writes. */
    public static final String ENGINE = "extractive-summarizer";

    private final SummaryBudget budget;
    private final Map<String, SummaryLanguage> languages;
    private final SummaryLanguage fallback;
    private final int wantsSentences;
    private final int sentencesPerTurn;

    private ExtractiveSummarizer(Builder b) {
        this.budget = b.budget;
        this.languages = Map.copyOf(b.languages);
        this.fallback = b.fallback;
        this.wantsSentences = b.wantsSentences;
        this.sentencesPerTurn = b.sentencesPerTurn;
    }

    /** English and German cues, neutral extraction for other languages, default budget. */
    public static ExtractiveSummarizer create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public SummaryBudget budget() {
        return budget;
    }

    @Override
    public Summary summarize(Ticket ticket, TriageResult triage) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(triage, "triage");
        String code = triage.languageCode().toLowerCase(Locale.ROOT);
        SummaryLanguage lang = languages.getOrDefault(code, fallback);
        List<String> reasons = new ArrayList<>();
        if (lang.hasCues()) {
            reasons.add("cue list: " + lang.code());
        } else {
            reasons.add("no cue list for language '" + code + "': neutral extraction by position and question marks");
        }

        List<Turn> turns = readTurns(ticket, reasons);
        if (turns.isEmpty()) {
            reasons.add("no text to summarize");
            return new Summary(code, "", List.of(), "", List.of(), lang.phrase("nextEmpty", null), 0.0, reasons, ENGINE);
        }

        Picked wants = customerWants(turns, lang);
        if (wants.text.isEmpty() && !ticket.subject().isBlank()) {
            wants = new Picked(Sentences.clip(ticket.subject(), budget.partChars()), Set.of("subject"));
        }
        reasons.add(wants.text.isEmpty() ? "no customer request found"
                : "customer request" + (wants.cues.isEmpty() ? " by position" : " (cues: " + String.join(", ", wants.cues) + ")"));

        List<String> tried = tried(turns, lang, wants.text, reasons);
        Turn lastPublic = lastPublic(turns);
        String state = currentState(turns, lastPublic, lang, reasons);
        List<String> questions = openQuestions(turns, lastPublic, lang);
        if (!questions.isEmpty()) {
            reasons.add(questions.size() + " open question(s) in the last turns");
        }
        String next = nextStep(turns, lastPublic, questions, triage, lang, reasons);

        String customerWants = wants.text;
        int total = length(customerWants, tried, state, questions, next);
        if (total > budget.totalChars()) {
            List<String> t = new ArrayList<>(tried);
            List<String> q = new ArrayList<>(questions);
            while (total > budget.totalChars() && (!t.isEmpty() || !q.isEmpty())) {
                if (t.size() >= q.size() && !t.isEmpty()) {
                    t.remove(t.size() - 1);
                } else {
                    q.remove(q.size() - 1);
                }
                total = length(customerWants, t, state, q, next);
            }
            if (total > budget.totalChars()) {
                int rest = Math.max(20, (budget.totalChars() - next.length()) / 2 - 2);
                customerWants = Sentences.clip(customerWants, rest);
                state = Sentences.clip(state, rest);
            }
            tried = t;
            questions = q;
            reasons.add("summary cut to the budget of " + budget.totalChars() + " characters");
        }

        double confidence = 0.4;
        confidence += lang.hasCues() ? 0.15 : 0.0;
        confidence += wants.text.isEmpty() ? -0.3 : (wants.cues.isEmpty() ? 0.0 : 0.2);
        confidence += turns.stream().anyMatch(Turn::agent) ? 0.1 : 0.0;
        confidence -= reasons.stream().anyMatch(r -> r.startsWith("thread of") || r.contains("read in part")) ? 0.1 : 0.0;
        confidence = Math.max(0.05, Math.min(0.95, confidence));
        return new Summary(code, customerWants, tried, state, questions, next, round(confidence), reasons, ENGINE,
                overview(turns, lang));
    }

    // ---- reading -----------------------------------------------------------------------------

    private List<Turn> readTurns(Ticket ticket, List<String> reasons) {
        List<Comment> comments = ticket.comments();
        boolean hasDescription = !ticket.description().isBlank();
        int all = comments.size() + (hasDescription ? 1 : 0);
        int head = budget.headTurns();
        int tail = budget.tailTurns();
        boolean cut = all > head + tail;
        if (cut) {
            reasons.add("thread of " + all + " messages: read the first " + head + " and the last " + tail);
        }
        List<Turn> turns = new ArrayList<>();
        int withHistory = 0;
        int longTurns = 0;
        int internal = 0;
        for (int i = 0; i < all; i++) {
            if (cut && i >= head && i < all - tail) {
                i = all - tail - 1;
                continue;
            }
            MessageText body;
            boolean customer;
            boolean isInternal;
            if (hasDescription && i == 0) {
                body = ticket.description();
                customer = true;
                isInternal = false;
            } else {
                Comment c = comments.get(hasDescription ? i - 1 : i);
                if (c.author() == AuthorRole.SYSTEM) {
                    continue;
                }
                body = c.body();
                customer = c.author() == AuthorRole.CUSTOMER;
                isInternal = c.isInternal();
            }
            if (!body.quoted().isEmpty() || !body.signature().isEmpty()) {
                withHistory++;
            }
            String text = body.text();
            if (text.isBlank()) {
                continue;
            }
            if (text.length() > budget.turnChars()) {
                text = text.substring(0, budget.turnChars());
                longTurns++;
            }
            List<Sentence> sentences = Sentences.split(text, sentencesPerTurn).stream().map(Sentence::of).toList();
            if (!sentences.isEmpty()) {
                internal += isInternal ? 1 : 0;
                turns.add(new Turn(i, customer, isInternal, sentences));
            }
        }
        if (withHistory > 0) {
            reasons.add("skipped quoted history and signatures in " + withHistory + " message(s)");
        }
        if (longTurns > 0) {
            reasons.add(longTurns + " message(s) longer than " + budget.turnChars() + " characters read in part");
        }
        if (internal > 0) {
            reasons.add(internal + " internal note(s) read and marked as internal");
        }
        return turns;
    }

    // ---- parts -------------------------------------------------------------------------------

    private record Picked(String text, Set<String> cues) {
    }

    private Picked customerWants(List<Turn> turns, SummaryLanguage lang) {
        record Scored(int turn, int pos, Sentence s, double score, Set<String> cues) {
        }
        List<Scored> scored = new ArrayList<>();
        int customerTurn = 0;
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            if (!turn.customer() || turn.internal()) {
                continue;
            }
            for (int p = 0; p < turn.sentences().size(); p++) {
                Sentence s = turn.sentences().get(p);
                Set<String> cues = new LinkedHashSet<>();
                double score = customerTurn == 0 ? 2.0 : Math.max(0.0, 1.0 - 0.25 * customerTurn);
                score += p == 0 ? 0.5 : -0.1 * p;
                if (s.has(lang.request())) {
                    score += 2.0;
                    cues.add("request");
                }
                if (s.isQuestion()) {
                    score += 1.5;
                    cues.add("question");
                }
                if (s.has(lang.problem())) {
                    score += 1.5;
                    cues.add("problem");
                }
                if (s.has(lang.tried())) {
                    score -= 0.5;
                }
                int words = s.wordCount();
                if (isFiller(s, lang)) {
                    score -= 4.0;
                    cues.clear();
                } else if (words < 5) {
                    score -= 1.0;
                }
                if (words > 60) {
                    score -= 1.0;
                }
                scored.add(new Scored(t, p, s, score, cues));
            }
            customerTurn++;
            if (scored.size() > 400) {
                break;
            }
        }
        if (scored.isEmpty()) {
            return new Picked("", Set.of());
        }
        List<Scored> best = new ArrayList<>(scored);
        // stable sort: ties keep conversation order, so the result is deterministic
        best.sort((a, b) -> Double.compare(b.score, a.score));
        List<Scored> chosen = new ArrayList<>();
        for (Scored s : best) {
            if (chosen.size() >= wantsSentences || s.score < 0.5) {
                break;
            }
            chosen.add(s);
        }
        if (chosen.isEmpty()) {
            chosen.add(best.get(0));
        }
        chosen.sort((a, b) -> a.turn != b.turn ? Integer.compare(a.turn, b.turn) : Integer.compare(a.pos, b.pos));
        StringBuilder sb = new StringBuilder();
        Set<String> cues = new LinkedHashSet<>();
        for (Scored s : chosen) {
            if (sb.length() > 0 && sb.length() + s.s.text().length() + 1 > budget.partChars()) {
                break;
            }
            sb.append(sb.length() > 0 ? " " : "").append(s.s.text());
            cues.addAll(s.cues);
        }
        return new Picked(Sentences.clip(sb.toString(), budget.partChars()), cues);
    }

    private List<String> tried(List<Turn> turns, SummaryLanguage lang, String wants, List<String> reasons) {
        if (budget.maxTried() == 0) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        int suggestions = 0;
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            if (turn.customer()) {
                for (Sentence s : turn.sentences()) {
                    if (s.has(lang.tried()) && !wants.contains(s.text()) && s.wordCount() >= 2) {
                        addOnce(items, Sentences.clip(s.text(), budget.partChars()));
                    }
                }
            } else if (turn.internal()) {
                for (Sentence s : turn.sentences()) {
                    if (s.has(lang.tried()) || s.has(lang.instruction())) {
                        addOnce(items, Sentences.clip(lang.phrase("internal", null) + " " + s.text(), budget.partChars()));
                    }
                }
            } else if (followedByCustomerReport(turns, t, lang)) {
                for (Sentence s : turn.sentences()) {
                    if (s.has(lang.instruction())) {
                        addOnce(items, Sentences.clip(lang.phrase("agentSuggested", s.text()), budget.partChars()));
                        suggestions++;
                        break;
                    }
                }
            }
        }
        if (items.isEmpty()) {
            return List.of();
        }
        reasons.add(items.size() + " thing(s) already tried (cues: tried" + (suggestions > 0
                ? "; " + suggestions + " agent suggestion(s) the customer answered" : "") + ")");
        if (items.size() > budget.maxTried()) {
            reasons.add("kept the latest " + budget.maxTried() + " of " + items.size() + " tried items");
            return List.copyOf(items.subList(items.size() - budget.maxTried(), items.size()));
        }
        return items;
    }

    /** True when the next public customer turn after {@code t} reports back (tried, still a problem). */
    private static boolean followedByCustomerReport(List<Turn> turns, int t, SummaryLanguage lang) {
        for (int k = t + 1; k < turns.size(); k++) {
            Turn next = turns.get(k);
            if (next.customer() && !next.internal()) {
                for (Sentence s : next.sentences()) {
                    if (s.has(lang.tried()) || s.has(lang.problem())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static Turn lastPublic(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).internal()) {
                return turns.get(i);
            }
        }
        return null;
    }

    private String currentState(List<Turn> turns, Turn lastPublic, SummaryLanguage lang, List<String> reasons) {
        int gistChars = Math.max(20, budget.partChars() - 60);
        StringBuilder sb = new StringBuilder();
        long publicTurns = turns.stream().filter(t -> !t.internal()).count();
        if (lastPublic == null) {
            reasons.add("only internal notes so far");
        } else if (publicTurns == 1 && lastPublic.customer()) {
            sb.append(lang.phrase("stateNew", null));
            reasons.add("no reply yet: waiting on an agent");
        } else {
            String gist = Sentences.clip(gist(turns, lastPublic, lang).text(), gistChars);
            sb.append(lang.phrase(lastPublic.customer() ? "stateCustomerLast" : "stateAgentLast", gist));
            reasons.add("last public message by the " + (lastPublic.customer() ? "customer: waiting on an agent"
                    : "agent: waiting on the customer"));
        }
        Turn last = turns.get(turns.size() - 1);
        if (last.internal()) {
            String gist = Sentences.clip(bestSentence(last, lang).text(), gistChars);
            sb.append(sb.length() > 0 ? " " : "").append(lang.phrase("stateInternal", gist));
        }
        return Sentences.clip(sb.toString(), budget.partChars());
    }

    /** The turn's most telling sentence; an agent's bare closing line defers to their previous substantive one. */
    private static Sentence gist(List<Turn> turns, Turn turn, SummaryLanguage lang) {
        Sentence best = bestSentence(turn, lang);
        if (turn.agent() && isFiller(best, lang)) {
            int seen = 0;
            for (int i = turns.indexOf(turn) - 1; i >= 0 && seen < 3; i--) {
                Turn t = turns.get(i);
                if (t.agent() && !t.internal()) {
                    seen++;
                    Sentence s = bestSentence(t, lang);
                    if (!isFiller(s, lang)) {
                        return s;
                    }
                }
            }
        }
        return best;
    }

    /** A greeting, thanks or other politeness without content: short and opening with a filler cue. */
    private static boolean isFiller(Sentence s, SummaryLanguage lang) {
        return s.wordCount() < 3 || (s.wordCount() <= 6 && s.has(lang.filler()));
    }

    private static Sentence bestSentence(Turn turn, SummaryLanguage lang) {
        Sentence best = turn.sentences().get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < turn.sentences().size(); p++) {
            Sentence s = turn.sentences().get(p);
            int words = s.wordCount();
            double score = Math.min(words, 25) / 25.0 + 0.05 * p;
            if (isFiller(s, lang)) {
                score -= 4.0;
            }
            if (s.has(lang.infoRequest()) || s.has(lang.instruction())) {
                score += 1.0;
            }
            if (turn.customer() && (s.has(lang.request()) || s.has(lang.problem()))) {
                score += 1.0;
            }
            if (s.isQuestion()) {
                score += 0.5;
            }
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    /** Questions in the trailing run of public turns by whoever wrote last: nobody has answered them yet. */
    private List<String> openQuestions(List<Turn> turns, Turn lastPublic, SummaryLanguage lang) {
        if (lastPublic == null || budget.maxQuestions() == 0) {
            return List.of();
        }
        List<Turn> run = new ArrayList<>();
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.internal()) {
                continue;
            }
            if (t.customer() != lastPublic.customer()) {
                break;
            }
            run.add(0, t);
        }
        if (run.size() == turns.stream().filter(t -> !t.internal()).count() && lastPublic.customer() && run.size() == 1) {
            // a brand-new ticket: the customer's question is already the request
            return List.of();
        }
        String who = lang.phrase(lastPublic.customer() ? "customer" : "agent", null) + ": ";
        List<String> out = new ArrayList<>();
        for (Turn t : run) {
            for (Sentence s : t.sentences()) {
                boolean question = s.isQuestion() || (t.agent() && s.has(lang.infoRequest()));
                if (question && !isFiller(s, lang) && out.size() < budget.maxQuestions()) {
                    addOnce(out, Sentences.clip(who + s.text(), budget.partChars()));
                }
            }
        }
        return out;
    }

    private String nextStep(List<Turn> turns, Turn lastPublic, List<String> questions, TriageResult triage,
                            SummaryLanguage lang, List<String> reasons) {
        if (triage.escalate()) {
            reasons.add("next step: triage escalated the ticket");
            return lang.phrase("nextEscalate", null);
        }
        if (lastPublic == null || lastPublic.customer()) {
            if (lastPublic != null && !questions.isEmpty()) {
                return lang.phrase("nextReplyQuestion", null);
            }
            if (lastPublic != null && turns.stream().anyMatch(Turn::agent) && resolvedOnly(lastPublic, lang)) {
                reasons.add("next step: the customer's last message reads as resolved");
                return lang.phrase("nextConfirmClose", null);
            }
            return lang.phrase("nextReply", null);
        }
        for (String q : questions) {
            for (SummaryLanguage.InfoKind kind : lang.infoKinds()) {
                if (kind.cue().matches(Sentence.words(q))) {
                    reasons.add("next step: the agent asked for the " + kind.phrase());
                    return lang.phrase("nextWaitInfo", kind.phrase());
                }
            }
        }
        return lang.phrase("nextWaitReply", null);
    }

    private static boolean resolvedOnly(Turn turn, SummaryLanguage lang) {
        boolean resolved = false;
        for (Sentence s : turn.sentences()) {
            if (s.has(lang.problem()) && !s.has(lang.resolved())) {
                return false;
            }
            resolved |= s.has(lang.resolved());
        }
        return resolved;
    }

    // ---- overview ----------------------------------------------------------------------------

    // Word caps of the overview's two lines, chosen on TweetSumm's validation file (ROUGE vs the
    // human summaries); longer lines add words the references do not retell.
    private static final int OVERVIEW_CUSTOMER_WORDS = 30;
    private static final int OVERVIEW_AGENT_WORDS = 25;
    /** An agent turn with fewer words than this (after greetings) is a closing line, not an answer. */
    private static final int SUBSTANTIVE_WORDS = 6;
    private static final Pattern LINK = Pattern.compile("<LINK>|https?://\\S+");
    /** Agents' initials or first names at the end of a message ("… MT", "^AB", "-Rach"). */
    private static final Pattern SIGN_OFF = Pattern.compile("(\\s+\\^?[A-Z]{2,3}|\\s*[-^~*]\\s*[A-Z][A-Za-z]{0,10}\\.?)\\s*$");

    /**
     * The customer's opening message and the agent's latest substantive reply, without greetings,
     * links and sign-offs, each cut to a few dozen words and attributed: the conversation in two
     * lines, which is how people retell a support exchange.
     */
    private String overview(List<Turn> turns, SummaryLanguage lang) {
        String customer = "";
        String agent = "";
        for (Turn t : turns) {
            if (t.customer() && !t.internal()) {
                customer = cap(plain(t, lang, false), OVERVIEW_CUSTOMER_WORDS);
                break;
            }
        }
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.agent() && !t.internal()) {
                String text = plain(t, lang, true);
                if (agent.isEmpty()) {
                    agent = text;
                }
                if (Sentence.words(text).length >= SUBSTANTIVE_WORDS) {
                    agent = text;
                    break;
                }
            }
        }
        agent = cap(agent, OVERVIEW_AGENT_WORDS);
        StringBuilder sb = new StringBuilder();
        if (!customer.isEmpty()) {
            sb.append(lang.phrase("customer", null)).append(": ").append(customer);
        }
        if (!agent.isEmpty()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(lang.phrase("agent", null)).append(": ").append(agent);
        }
        return sb.toString();
    }

    /** The turn's text without leading greetings (while words remain), links and, for agents, the sign-off. */
    private static String plain(Turn turn, SummaryLanguage lang, boolean agent) {
        List<Sentence> sentences = turn.sentences();
        int from = 0;
        while (from < Math.min(2, sentences.size() - 1) && isFiller(sentences.get(from), lang)) {
            from++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < sentences.size(); i++) {
            sb.append(sb.length() > 0 ? " " : "").append(sentences.get(i).text());
        }
        String text = LINK.matcher(sb).replaceAll("").replaceAll("\\s{2,}", " ").strip();
        return agent ? SIGN_OFF.matcher(text).replaceFirst("").strip() : text;
    }

    private static String cap(String text, int words) {
        String[] w = text.split("\\s+");
        return w.length <= words ? text : String.join(" ", List.of(w).subList(0, words)) + " …";
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    private static int length(String wants, List<String> tried, String state, List<String> questions, String next) {
        int n = wants.length() + state.length() + next.length() + 4;
        for (String s : tried) {
            n += s.length() + 1;
        }
        for (String s : questions) {
            n += s.length() + 1;
        }
        return n;
    }

    private static double round(double d) {
        return Math.round(d * 100.0) / 100.0;
    }

    /** Configures an {@link ExtractiveSummarizer}. */
    public static final class Builder {
        private SummaryBudget budget = SummaryBudget.DEFAULTS;
        private final Map<String, SummaryLanguage> languages = new LinkedHashMap<>();
        private SummaryLanguage fallback = SummaryLanguage.neutral();
        private int wantsSentences = 1;
        private int sentencesPerTurn = 40;

        private Builder() {
            language(SummaryLanguage.english());
            language(SummaryLanguage.german());
        }

        public Builder budget(SummaryBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** Adds or replaces the cues and phrases for one language. */
        public Builder language(SummaryLanguage language) {
            languages.put(language.code(), language);
            return this;
        }

        /** What languages without their own cue list use; {@link SummaryLanguage#neutral()} by default. */
        public Builder fallback(SummaryLanguage fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** How many sentences state what the customer wants (1 by default). */
        public Builder wantsSentences(int n) {
            if (n < 1 || n > 5) {
                throw new IllegalArgumentException("wantsSentences must be 1..5, was " + n);
            }
            this.wantsSentences = n;
            return this;
        }

        /** Sentences read per message at most (40 by default), so that a wall of text stays cheap. */
        public Builder sentencesPerTurn(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("sentencesPerTurn must be >= 1, was " + n);
            }
            this.sentencesPerTurn = n;
            return this;
        }

        public ExtractiveSummarizer build() {
            return new ExtractiveSummarizer(this);
        }
    }
}
