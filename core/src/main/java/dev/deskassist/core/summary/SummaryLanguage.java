package dev.deskassist.core.summary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The cue lists and phrases the extractive summarizer uses for one language: which sentences
 * state a request, a problem, something already tried, an agent's instruction or request for
 * information, a resolution or mere politeness; and the wording of the parts the summarizer
 * writes itself (state and next step). Built-in for English and German; {@link #neutral()}
 * has no word cues, so other languages fall back to position and question marks.
 */
public record SummaryLanguage(
        String code,
        Pattern request,
        Pattern problem,
        Pattern tried,
        Pattern instruction,
        Pattern infoRequest,
        Pattern resolved,
        Pattern filler,
        List<InfoKind> infoKinds,
        Map<String, String> phrases) {

    /** A piece of information an agent may ask for, and how the next step names it. */
    public record InfoKind(Pattern cue, String phrase) {
        public InfoKind {
            Objects.requireNonNull(cue, "cue");
            Objects.requireNonNull(phrase, "phrase");
        }
    }

    /** Phrase keys every language must define; {@code {x}} marks where text is inserted. */
    public static final List<String> PHRASE_KEYS = List.of("customer", "agent", "internal", "agentSuggested",
            "stateNew", "stateCustomerLast", "stateAgentLast", "stateInternal", "nextEscalate", "nextWaitInfo",
            "nextWaitReply", "nextConfirmClose", "nextReplyQuestion", "nextReply", "nextEmpty");

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A pattern that never matches, for languages without a cue list. */
    private static final Pattern NEVER = Pattern.compile("(?!)");

    public SummaryLanguage {
        code = Objects.requireNonNull(code, "code").toLowerCase(Locale.ROOT);
        request = orNever(request);
        problem = orNever(problem);
        tried = orNever(tried);
        instruction = orNever(instruction);
        infoRequest = orNever(infoRequest);
        resolved = orNever(resolved);
        filler = orNever(filler);
        infoKinds = infoKinds == null ? List.of() : List.copyOf(infoKinds);
        phrases = Map.copyOf(Objects.requireNonNull(phrases, "phrases"));
        for (String k : PHRASE_KEYS) {
            if (!phrases.containsKey(k)) {
                throw new IllegalArgumentException("summary language '" + code + "' lacks phrase '" + k + "'");
            }
        }
    }

    /** The phrase for a key with {@code {x}} replaced by {@code insert}. */
    public String phrase(String key, String insert) {
        String p = phrases.get(key);
        if (p == null) {
            throw new IllegalArgumentException("unknown phrase key " + key);
        }
        return insert == null ? p : p.replace("{x}", insert);
    }

    /** True when this language has word cues (not the neutral fallback). */
    public boolean hasCues() {
        return request != NEVER;
    }

    static Pattern cue(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    private static Pattern orNever(Pattern p) {
        return p == null ? NEVER : p;
    }

    /** English cues. Apostrophes are optional because support channels often drop them ("didnt"). */
    public static SummaryLanguage english() {
        return new SummaryLanguage("en",
                cue("\\b(i|we)\\s*(really\\s+)?(want|need|would like|'?d like|wish|am trying|m trying|am looking|m looking)\\b"
                        + "|\\bplease\\b|\\b(can|could|would|will) (you|i|someone|anyone)\\b|\\bhow (do|can|to|long)\\b"
                        + "|\\bwhy\\b|\\bhelp\\b|\\b(refund|cancel|replace|replacement|change|return)\\b|\\bany (idea|update|news)\\b"),
                cue("\\b(not|no longer|cannot|can'?t|unable|doesn'?t|didn'?t|won'?t|isn'?t|aren'?t|wasn'?t|haven'?t|broken"
                        + "|error|fail(s|ed|ing|ure)?|issue|problem|wrong|stuck|missing|lost|charged|slow|crash(es|ed|ing)?"
                        + "|never|still|delay(ed)?|cancell?ed|disappointed|awful|terrible|worst)\\b"),
                cue("\\b(tried|trying again|already|restarted|rebooted|reinstall(ed)?|re-installed|reset|cleared|reconnected"
                        + "|logged (out|back)|turned (it )?off|did(n'?t| not) (help|work|fix)|no luck|still the same|same result"
                        + "|checked|called|contacted)\\b"),
                cue("^(please |kindly )?(try|restart|reinstall|reset|clear|log out|update|check|make sure|go to|follow)\\b"
                        + "|\\b(can|could) (you|we have you) try\\b|\\bhave you tried\\b|\\bdoes .{0,60}help\\b"
                        + "|\\bwe (recommend|suggest)\\b|\\bi'?d (recommend|suggest)\\b|\\bfollow the steps\\b"),
                cue("\\b(please|kindly|can you|could you|would you)\\b.{0,40}\\b(send|provide|share|dm|confirm|tell|let us know"
                        + "|reach out|follow|give)\\b|\\b(what|which|when|where)\\b.{0,80}\\?|\\bmay (we|i) (know|have)\\b"),
                cue("\\b(thanks?|thank you|thx|ty|works now|working now|working again|resolved|fixed|sorted|all good|perfect"
                        + "|appreciate(d)?|great)\\b"),
                cue("^(hi|hello|hey|dear|good (morning|afternoon|evening)|thanks?|thank you|ok|okay|sure|great|yes|no"
                        + "|awesome|cool|you'?re welcome|no problem|anytime|have a (great|nice|good) (day|weekend|one))"
                        + "[\\s\\w,!.'-]{0,20}[.!]*$|^[^\\p{L}]*$"),
                List.of(new InfoKind(cue("\\b(order (number|no|#|id)|order)\\b"), "order number"),
                        new InfoKind(cue("\\b(confirmation (number|code)|booking (reference|number)|reservation)\\b"),
                                "booking reference"),
                        new InfoKind(cue("\\b(invoice|receipt)\\b"), "invoice number"),
                        new InfoKind(cue("\\b(tracking)\\b"), "tracking number"),
                        new InfoKind(cue("\\b(e-?mail|username|account)\\b"), "account details"),
                        new InfoKind(cue("\\b(screenshot|photo|picture)\\b"), "screenshot"),
                        new InfoKind(cue("\\b(address|postcode|zip)\\b"), "address"),
                        new InfoKind(cue("\\b(phone|number)\\b"), "number")),
                Map.ofEntries(
                        Map.entry("customer", "Customer"),
                        Map.entry("agent", "Agent"),
                        Map.entry("internal", "(internal)"),
                        Map.entry("agentSuggested", "Agent suggested: {x}"),
                        Map.entry("stateNew", "New ticket, no reply yet. Waiting on: agent."),
                        Map.entry("stateCustomerLast", "Customer wrote last: {x} Waiting on: agent."),
                        Map.entry("stateAgentLast", "Agent replied last: {x} Waiting on: customer."),
                        Map.entry("stateInternal", "Latest internal note: {x}"),
                        Map.entry("nextEscalate", "Escalated by triage: hand over to a specialist."),
                        Map.entry("nextWaitInfo", "Wait for the customer's {x}."),
                        Map.entry("nextWaitReply", "Wait for the customer's reply."),
                        Map.entry("nextConfirmClose", "Confirm the resolution with the customer and close the ticket."),
                        Map.entry("nextReplyQuestion", "Reply to the customer and answer the open question."),
                        Map.entry("nextReply", "Reply to the customer."),
                        Map.entry("nextEmpty", "Read the ticket: it has no text to summarize.")));
    }

    /** German cues, umlauts optional in transliterated form ("ue" for "ü"). */
    public static SummaryLanguage german() {
        return new SummaryLanguage("de",
                cue("\\b(ich|wir)\\s+(möchte|möchten|moechte|will|wollen|brauche|brauchen|hätte gern|hätten gern|benötige"
                        + "|benötigen|bitte|suche)\\b|\\bbitte\\b|\\b(können|könnten|koennen|kannst|könntest|würden) (sie|du|ihr)\\b"
                        + "|\\bwie (kann|können|lange)\\b|\\bwarum\\b|\\bwieso\\b|\\bhilfe\\b"
                        + "|\\b(erstattung|rückerstattung|stornieren|kündigen|kündigung|umtausch|rücksendung|zurückgeben)\\b"),
                cue("\\b(nicht|kein|keine|keinen|nie|fehler|problem|kaputt|defekt|falsch|fehlt|hängt|abgestürzt|abstürzt"
                        + "|immer noch|noch immer|verspätet|langsam|leider|geht nicht|funktioniert nicht|ärgerlich|enttäuscht)\\b"),
                cue("\\b(versucht|probiert|bereits|schon (mal|einmal|zweimal|mehrfach)|neu gestartet|neugestartet|neustart"
                        + "|neu installiert|neuinstalliert|zurückgesetzt|gelöscht|geleert|aktualisiert|abgemeldet"
                        + "|(hat|hilft|half) (leider )?nicht( geholfen)?|ohne erfolg|keine besserung|angerufen|geprüft|kontrolliert)\\b"),
                cue("\\b(versuchen sie|probieren sie|starten sie|löschen sie|installieren sie|prüfen sie|melden sie sich"
                        + "|versuch|probier|starte|lösche)\\b|^bitte (starten|löschen|installieren|prüfen|versuchen|melden)\\b"
                        + "|\\b(wir )?empfehlen\\b|\\bhilft es,? wenn\\b"),
                cue("\\b(bitte|können sie|könnten sie|kannst du|könntest du|würden sie)\\b.{0,60}\\b(senden|schicken|zusenden"
                        + "|mitteilen|nennen|angeben|bestätigen|sagen|antworten)\\b|\\b(welche|welcher|welches|wann|wo|was)\\b.{0,80}\\?"),
                cue("\\b(danke|dankeschön|vielen dank|funktioniert (jetzt|wieder)|geht wieder|gelöst|erledigt|passt|super|perfekt)\\b"),
                cue("^(hallo|hi|guten (tag|morgen|abend)|sehr geehrte.*|liebe[rs]?|danke|vielen dank|ok|okay|gern geschehen"
                        + "|ja|nein|super|prima|einen schönen (tag|abend))[\\s\\p{L},!.'-]{0,20}[.!]*$|^[^\\p{L}]*$"),
                List.of(new InfoKind(cue("\\b(bestellnummer|auftragsnummer|bestellung)\\b"), "Bestellnummer"),
                        new InfoKind(cue("\\b(buchungsnummer|buchungscode|reservierung)\\b"), "Buchungsnummer"),
                        new InfoKind(cue("\\b(rechnungsnummer|rechnung|beleg)\\b"), "Rechnungsnummer"),
                        new InfoKind(cue("\\b(sendungsnummer|sendungsverfolgung|tracking)\\b"), "Sendungsnummer"),
                        new InfoKind(cue("\\b(e-?mail|benutzername|kundenkonto|konto|kundennummer)\\b"), "Kontodaten"),
                        new InfoKind(cue("\\b(screenshot|bildschirmfoto|foto)\\b"), "Screenshot"),
                        new InfoKind(cue("\\b(adresse|anschrift|postleitzahl)\\b"), "Adresse"),
                        new InfoKind(cue("\\b(telefonnummer|nummer)\\b"), "Nummer")),
                Map.ofEntries(
                        Map.entry("customer", "Kunde"),
                        Map.entry("agent", "Agent"),
                        Map.entry("internal", "(intern)"),
                        Map.entry("agentSuggested", "Vorschlag des Agenten: {x}"),
                        Map.entry("stateNew", "Neues Ticket, noch keine Antwort. Wartet auf: Agent."),
                        Map.entry("stateCustomerLast", "Zuletzt schrieb der Kunde: {x} Wartet auf: Agent."),
                        Map.entry("stateAgentLast", "Zuletzt antwortete der Agent: {x} Wartet auf: Kunde."),
                        Map.entry("stateInternal", "Letzte interne Notiz: {x}"),
                        Map.entry("nextEscalate", "Von der Triage eskaliert: an eine Fachkraft übergeben."),
                        Map.entry("nextWaitInfo", "Auf Angabe des Kunden warten: {x}."),
                        Map.entry("nextWaitReply", "Auf die Antwort des Kunden warten."),
                        Map.entry("nextConfirmClose", "Lösung mit dem Kunden bestätigen und das Ticket schließen."),
                        Map.entry("nextReplyQuestion", "Dem Kunden antworten und die offene Frage beantworten."),
                        Map.entry("nextReply", "Dem Kunden antworten."),
                        Map.entry("nextEmpty", "Ticket lesen: es enthält keinen Text zum Zusammenfassen.")));
    }

    /** No word cues; the English phrases for the parts the summarizer writes itself. */
    public static SummaryLanguage neutral() {
        SummaryLanguage en = english();
        return new SummaryLanguage("und", null, null, null, null, cue("\\?\\s*$"), null, cue("^[^\\p{L}]*$"),
                List.of(), en.phrases());
    }
}
