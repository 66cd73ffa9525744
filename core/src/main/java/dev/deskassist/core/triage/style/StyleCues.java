package dev.deskassist.core.triage.style;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-language word lists behind {@link RuleStyleAnalyzer}: greetings and closings that mark a
 * register, forms of address, and phrases by which customers say they are not technical; plus the
 * language-independent expert markers.
 */
final class StyleCues {

    /** Cues of one language. */
    record Language(Phrases formal, Phrases informal, Phrases formalAddress, Phrases formalAddressMidSentence,
            Phrases informalAddress, Phrases beginner) {

        /** One index over this language's lists and the language-independent ones, in the order of the constants below. */
        CueIndex index() {
            return new CueIndex(formal, informal, formalAddress, formalAddressMidSentence, informalAddress, beginner,
                    INFORMAL_ANY, EXPERT_TERMS);
        }
    }

    /** Position of each list in a {@link CueIndex} built by {@link Language#index()}. */
    static final int FORMAL = 0;
    static final int INFORMAL = 1;
    static final int FORMAL_ADDRESS = 2;
    static final int FORMAL_ADDRESS_MID = 3;
    static final int INFORMAL_ADDRESS = 4;
    static final int BEGINNER = 5;
    static final int INFORMAL_ANY_KIND = 6;
    static final int EXPERT = 7;

    /** For a language without its own lists. */
    static final Language NO_LANGUAGE = new Language(Phrases.NONE, Phrases.NONE, Phrases.NONE, Phrases.NONE,
            Phrases.NONE, Phrases.NONE);

    private StyleCues() {
    }

    /** Informal markers writers of any language use in support mail. */
    static final Phrases INFORMAL_ANY = Phrases.of("lol", "omg", "btw", "thx", "pls", "plz", "haha*", "hehe", "xd",
            "wtf");

    static final Map<String, Language> BY_LANGUAGE = Map.of(
            "de", new Language(
                    Phrases.of("sehr geehrte", "sehr geehrter", "sehr geehrtes", "mit freundlichen grüßen",
                            "mit freundlichen grüssen", "freundliche grüße", "hochachtungsvoll", "vielen dank im voraus",
                            "ich bitte um", "würden sie", "könnten sie", "damen und herren"),
                    Phrases.of("hi", "hey", "hallo", "moin", "servus", "lg", "vg", "bis dann", "nix", "hab", "ne",
                            "nen", "gibt's", "geht's", "kannste", "krass"),
                    Phrases.caseSensitive("Ihnen"),
                    Phrases.caseSensitive("Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer"),
                    Phrases.of("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "euch", "euer",
                            "eure", "euren", "eurem", "kannst", "hast", "bist", "willst"),
                    Phrases.of("keine ahnung", "kenne mich nicht aus", "kenne mich nicht so aus",
                            "kenne mich damit nicht aus", "was bedeutet", "was heißt das", "ich verstehe nicht",
                            "ich verstehe das nicht", "bin kein experte", "bin kein techniker", "bin kein profi",
                            "nicht so technisch", "technisch nicht versiert", "nicht gut mit computern",
                            "schritt für schritt", "was muss ich machen", "was muss ich da machen", "wie geht das")),
            "en", new Language(
                    Phrases.of("dear", "kind regards", "best regards", "yours sincerely", "yours faithfully",
                            "sincerely", "to whom it may concern", "i would be grateful", "i would appreciate",
                            "would you kindly", "please find", "thank you in advance"),
                    Phrases.of("hi", "hey", "hiya", "yo", "cheers", "gonna", "wanna", "kinda", "dunno", "gotta",
                            "u", "ur", "guys"),
                    Phrases.NONE, Phrases.NONE, Phrases.NONE,
                    Phrases.of("not good with computers", "not very good with computers", "not technical",
                            "not very technical", "not tech savvy", "what does that mean",
                            "what does this mean", "what does it mean", "i don't understand", "i dont understand",
                            "no idea", "no clue", "i'm not sure how", "step by step", "i'm a beginner",
                            "i'm new to this", "i'm not an expert", "what do i have to do", "what do i need to do")),
            "fr", new Language(
                    Phrases.of("madame", "monsieur", "cordialement", "veuillez", "je vous prie", "bien à vous",
                            "salutations distinguées", "je me permets"),
                    Phrases.of("salut", "coucou", "bisous", "stp", "svp", "ouais", "mdr", "trop bien"),
                    Phrases.of("vous", "votre", "vos"), Phrases.NONE,
                    Phrases.of("tu", "toi", "ton", "ta", "tes", "te"),
                    Phrases.of("je ne comprends pas", "qu'est ce que ça veut dire", "ça veut dire quoi",
                            "je ne suis pas doué", "aucune idée", "je n'y connais rien", "étape par étape")),
            "es", new Language(
                    Phrases.of("estimado", "estimada", "estimados", "estimadas", "atentamente", "cordiales saludos",
                            "le saluda", "le agradecería", "quedo a la espera", "señor", "señora", "señores"),
                    Phrases.of("hola", "oye", "saludos", "porfa", "jaja*", "vale", "chao"),
                    Phrases.of("usted", "ustedes"), Phrases.NONE,
                    Phrases.of("tú", "tu", "tus", "ti", "contigo", "te", "puedes", "tienes"),
                    Phrases.of("no entiendo", "qué significa", "no tengo ni idea", "no sé nada de", "paso a paso",
                            "no soy experto")),
            "it", new Language(
                    Phrases.of("gentile", "gentili", "gentilmente", "egregio", "cordiali saluti", "distinti saluti",
                            "la prego", "la ringrazio", "potrebbe", "resto in attesa"),
                    Phrases.of("ciao", "ehi", "a presto", "boh", "ahah*"),
                    Phrases.NONE, Phrases.caseSensitive("Lei", "Le", "La", "Suo", "Sua", "Suoi"),
                    Phrases.of("tu", "ti", "te", "tuo", "tua", "tuoi", "puoi", "hai"),
                    Phrases.of("non capisco", "cosa significa", "non ne ho idea", "non sono esperto",
                            "passo dopo passo")),
            "nl", new Language(
                    Phrases.of("geachte", "met vriendelijke groet", "met vriendelijke groeten", "hoogachtend",
                            "bij voorbaat dank"),
                    Phrases.of("hoi", "hey", "hallo", "groetjes", "doei", "ff"),
                    Phrases.of("u", "uw"), Phrases.NONE,
                    Phrases.of("jij", "je", "jou", "jouw", "jullie"),
                    Phrases.of("ik begrijp het niet", "wat betekent", "geen idee", "ik ben geen expert",
                            "stap voor stap")),
            "pt", new Language(
                    Phrases.of("prezado", "prezada", "prezados", "prezadas", "atenciosamente", "cordialmente", "exmo",
                            "exma", "caro senhor", "com os melhores cumprimentos"),
                    Phrases.of("oi", "olá", "valeu", "abraço", "abraços", "beijo", "beijos", "kkk*"),
                    Phrases.of("o senhor", "a senhora", "os senhores", "você", "vocês", "vossa"), Phrases.NONE,
                    Phrases.of("tu", "te", "teu", "tua", "teus", "tuas", "contigo"),
                    Phrases.of("não entendo", "o que significa", "não faço ideia", "não sou especialista",
                            "passo a passo")),
            "pl", new Language(
                    Phrases.of("szanown*", "z poważaniem", "uprzejmie proszę", "z wyrazami szacunku"),
                    Phrases.of("cześć", "hej", "siema", "elo", "pozdro", "nara"),
                    Phrases.of("pan", "pani", "państwo", "pana", "panu", "panią", "państwa", "państwu"), Phrases.NONE,
                    Phrases.of("ty", "cię", "ciebie", "tobie", "twój", "twoja", "twoje", "możesz", "masz"),
                    Phrases.of("nie rozumiem", "co to znaczy", "nie mam pojęcia", "nie znam się", "krok po kroku")));

    /** Protocol, API and operations vocabulary; each distinct term found counts once. */
    static final Phrases EXPERT_TERMS = Phrases.of("api", "json", "xml", "yaml", "curl", "ssl", "tls", "dns", "token",
            "endpoint", "webhook", "oauth", "oauth2", "sdk", "http", "https", "header", "headers", "payload", "timeout",
            "latency", "stack trace", "stacktrace", "regex", "sql", "cli", "ssh", "proxy", "certificate", "zertifikat",
            "cors", "smtp", "imap", "dkim", "spf", "kubernetes", "docker", "cache", "config", "localhost",
            "ip address", "firewall", "vpn", "log file", "log files", "logs", "debug", "stderr", "stdout", "cron",
            "graphql", "bearer", "jwt", "api key", "rate limit", "query", "ipv4", "ipv6", "tcp", "udp", "saml", "ldap",
            "sso", "mfa", "2fa", "hash", "nginx", "tomcat", "jvm", "heap", "thread", "deploy", "deployment");

    /** Words after which a 4xx/5xx number is a status code. */
    static final Set<String> STATUS_WORDS = Set.of("http", "status", "error", "code", "fehler", "erreur", "errore",
            "fout", "erro", "błąd", "statuscode", "fehlercode");

    /** A strong expert marker: the pattern and a literal that must occur first, so most texts skip the regex. */
    record Strong(String literal, Pattern pattern) {
    }

    static final List<Strong> EXPERT_STRONG = List.of(
            new Strong(".java:", Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)")),
            new Strong(".kt:", Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.kt:\\d+\\)")),
            new Strong("Exception", Pattern.compile("\\b[A-Z]\\w*Exception\\b")),
            new Strong("Error", Pattern.compile("\\b[A-Z]\\w+Error\\b")),
            new Strong("Traceback", Pattern.compile("\\bTraceback \\(most recent call last\\)")),
            new Strong("ERR_", Pattern.compile("\\bERR_[A-Z_]{3,}\\b")),
            new Strong("0x", Pattern.compile("\\b0x[0-9a-fA-F]{4,}\\b")));

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }
}
