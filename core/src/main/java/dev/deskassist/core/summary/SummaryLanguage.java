package dev.deskassist.core.summary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The cue lists and phrases the extractive summarizer uses for one language: which sentences
 * state a request, a problem, something already tried, an agent's instruction or request for
 * information, a resolution or mere politeness ({@code filler}, matched on short sentences);
 * and the wording of the parts the summarizer writes itself (state and next step). Built-in
 * for English and German; {@link #neutral()} has no word cues, so other languages fall back to
 * position and question marks.
 */
public record SummaryLanguage(
        String code,
        CueSet request,
        CueSet problem,
        CueSet tried,
        CueSet instruction,
        CueSet infoRequest,
        CueSet resolved,
        CueSet filler,
        List<InfoKind> infoKinds,
        Map<String, String> phrases) {

    /** A piece of information an agent may ask for, and how the next step names it. */
    public record InfoKind(CueSet cue, String phrase) {
        public InfoKind {
            Objects.requireNonNull(cue, "cue");
            Objects.requireNonNull(phrase, "phrase");
        }
    }

    /** Phrase keys every language must define; {@code {x}} marks where text is inserted. */
    public static final List<String> PHRASE_KEYS = List.of("customer", "agent", "internal", "agentSuggested",
            "stateNew", "stateCustomerLast", "stateAgentLast", "stateInternal", "nextEscalate", "nextWaitInfo",
            "nextWaitReply", "nextConfirmClose", "nextReplyQuestion", "nextReply", "nextEmpty");

    public SummaryLanguage {
        code = Objects.requireNonNull(code, "code").toLowerCase(Locale.ROOT);
        request = orNone(request);
        problem = orNone(problem);
        tried = orNone(tried);
        instruction = orNone(instruction);
        infoRequest = orNone(infoRequest);
        resolved = orNone(resolved);
        filler = orNone(filler);
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
        return !request.isEmpty();
    }

    private static CueSet orNone(CueSet c) {
        return c == null ? CueSet.NONE : c;
    }

    /** English cues; apostrophes are dropped before matching, so "didnt" also matches "didn't". */
    public static SummaryLanguage english() {
        return new SummaryLanguage("en",
                CueSet.of("i want|we want|i need|we need|i would like|id like|we would like|i wish|im trying|i am trying",
                        "im looking|i am looking|please|pls|can you|could you|would you|will you|can i|could i",
                        "can someone|can anyone|how do|how can|how to|how long|why|help|refund|cancel|replace*|change",
                        "return|any idea|any update|any news|is there"),
                CueSet.of("not|no longer|cannot|cant|unable|doesnt|didnt|wont|isnt|arent|wasnt|havent|hasnt|broken",
                        "error*|fail*|issue*|problem*|wrong|stuck|missing|lost|charged|slow|crash*|never|still|delay*",
                        "cancelled|canceled|disappointed|awful|terrible|worst|nothing"),
                CueSet.of("tried|trying again|already|restarted|rebooted|reinstall*|re installed|reset|cleared",
                        "reconnected|logged out|logged back|turned it off|turned off|didnt help|did not help",
                        "doesnt help|didnt work|did not work|didnt fix|no luck|still the same|same result|checked",
                        "called|contacted|deleted"),
                CueSet.of("^try|^please try|^restart|^reinstall|^reset|^clear|^log out|^update|^check|^make sure|^go to",
                        "^follow|^please make sure|can you try|could you try|can we have you try|have you tried",
                        "does ... help|we recommend|we suggest|id recommend|id suggest|follow the steps",
                        "please ... restart|reinstall|reset|clear|update|check|make sure|try"),
                CueSet.of("please|kindly|can you|could you|would you ... send|provide|share|dm|confirm|tell|let us know"
                                + "|reach out|follow|give|message|check",
                        "may we know|may i know|may we have|may i have"),
                CueSet.of("thanks|thank you|thx|ty|works now|working now|working again|resolved|fixed|sorted|all good",
                        "perfect|appreciate*|great"),
                CueSet.of("^hi|^hello|^hey|^dear|^good morning|^good afternoon|^good evening|^thanks|^thank you|^ok",
                        "^okay|^sure|^great|^awesome|^cool|^youre welcome|^no problem|^anytime|^have a|^glad",
                        "^happy to help|^sorry|^apologies|^we are sorry|^were sorry|^oh"),
                List.of(new InfoKind(CueSet.of("order number|order no|order id|order"), "order number"),
                        new InfoKind(CueSet.of("confirmation number|confirmation code|booking reference|booking number",
                                "reservation"), "booking reference"),
                        new InfoKind(CueSet.of("invoice*|receipt*"), "invoice number"),
                        new InfoKind(CueSet.of("tracking"), "tracking number"),
                        new InfoKind(CueSet.of("email|e mail|username|account*"), "account details"),
                        new InfoKind(CueSet.of("screenshot*|photo*|picture*"), "screenshot"),
                        new InfoKind(CueSet.of("address|postcode|zip"), "address"),
                        new InfoKind(CueSet.of("phone|number"), "number")),
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

    /** German cues. */
    public static SummaryLanguage german() {
        return new SummaryLanguage("de",
                CueSet.of("ich möchte|wir möchten|ich moechte|ich will|wir wollen|ich brauche|wir brauchen|ich hätte gern*",
                        "ich benötige|wir benötigen|ich suche|bitte|können sie|könnten sie|koennen sie|kannst du",
                        "könntest du|würden sie|wie kann|wie können|wie lange|warum|wieso|hilfe|erstattung",
                        "rückerstattung|stornier*|kündig*|umtausch*|rücksendung|zurückgeben|zurücksenden"),
                CueSet.of("nicht|kein|keine|keinen|nie|fehler*|problem*|kaputt|defekt|falsch|fehlt|hängt|abgestürzt",
                        "stürzt|immer noch|noch immer|verspät*|langsam|leider|ärgerlich|enttäuscht"),
                CueSet.of("versucht|probiert|bereits|schon mal|schon einmal|schon zweimal|schon mehrfach|habe schon",
                        "haben schon|neu gestartet|neugestartet|neustart|neu installiert|neuinstalliert|zurückgesetzt",
                        "gelöscht|geleert|aktualisiert|abgemeldet|hat nicht geholfen|hilft nicht|half nicht|ohne erfolg",
                        "keine besserung|angerufen|geprüft|kontrolliert"),
                CueSet.of("versuchen sie|probieren sie|starten sie|löschen sie|installieren sie|prüfen sie|melden sie sich",
                        "^versuch*|^probier*|^starte|^lösche|empfehlen|hilft es",
                        "^bitte ... starten|löschen|installieren|prüfen|versuchen|melden"),
                CueSet.of("bitte|können sie|könnten sie|kannst du|könntest du|würden sie ... senden|schicken|zusenden"
                        + "|mitteilen|nennen|angeben|bestätigen|sagen|antworten|übermitteln|prüfen"),
                CueSet.of("danke|dankeschön|vielen dank|funktioniert jetzt|funktioniert wieder|geht wieder|gelöst",
                        "erledigt|passt|super|perfekt"),
                CueSet.of("^hallo|^hi|^guten tag|^guten morgen|^guten abend|^sehr geehrte*|^liebe*|^danke|^vielen dank",
                        "^ok|^okay|^gern geschehen|^gerne|^super|^prima|^einen schönen|^schönen tag|^entschuldigung",
                        "^tut mir leid|^es tut uns leid"),
                List.of(new InfoKind(CueSet.of("bestellnummer|auftragsnummer|bestellung*"), "Bestellnummer"),
                        new InfoKind(CueSet.of("buchungsnummer|buchungscode|reservierung*"), "Buchungsnummer"),
                        new InfoKind(CueSet.of("rechnung*|beleg*"), "Rechnungsnummer"),
                        new InfoKind(CueSet.of("sendungsnummer|sendungsverfolgung|tracking*"), "Sendungsnummer"),
                        new InfoKind(CueSet.of("email|e mail|benutzername|kundenkonto|konto|kundennummer"), "Kontodaten"),
                        new InfoKind(CueSet.of("screenshot*|bildschirmfoto*|foto*"), "Screenshot"),
                        new InfoKind(CueSet.of("adresse|anschrift|postleitzahl"), "Adresse"),
                        new InfoKind(CueSet.of("telefonnummer|nummer"), "Nummer")),
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
        return new SummaryLanguage("und", null, null, null, null, null, null, null, List.of(), english().phrases());
    }
}
