package dev.deskassist.core.triage.style;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The per-language word lists behind {@link RuleStyleAnalyzer}: greetings and closings that mark a
 * register, forms of address, and phrases by which customers say they are not technical. Patterns
 * are compiled once; phrases match on word boundaries, case-insensitively unless noted.
 */
final class StyleCues {

    /** Cues of one language. */
    record Language(Pattern formal, Pattern informal, Pattern formalAddress, Pattern formalAddressMidSentence,
            Pattern informalAddress, Pattern beginner) {
    }

    private StyleCues() {
    }

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", phrases) + ")(?![\\p{L}\\p{N}])", CI);
    }

    /** Case-sensitive: the capital letter is the cue (German "Sie", Italian "Lei"). */
    static Pattern exact(String... words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}])");
    }

    private static final Pattern NONE = Pattern.compile("(?!)");

    /** Informal markers any language's writers use in support mail. */
    static final Pattern INFORMAL_ANY = words("lol", "omg", "btw", "thx", "pls", "plz", "haha+", "hehe", "xd", "wtf");

    static final Map<String, Language> BY_LANGUAGE = Map.of(
            "de", new Language(
                    words("sehr geehrte[rs]?", "mit freundlichen grüßen", "mit freundlichen grüssen",
                            "freundliche grüße", "hochachtungsvoll", "vielen dank im voraus", "ich bitte um",
                            "würden sie", "könnten sie", "damen und herren"),
                    words("hi", "hey", "hallo", "moin", "servus", "lg", "vg", "gruß", "bis dann", "nix", "hab",
                            "ne", "nen", "gibt's", "geht's", "kannste", "isses", "krass", "echt jetzt"),
                    exact("Ihnen"),
                    exact("Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer"),
                    words("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "euch", "euer", "eure",
                            "euren", "eurem", "kannst", "hast", "bist", "willst"),
                    words("keine ahnung", "kenne mich (?:damit )?nicht (?:so )?aus", "was bedeutet", "was heißt das",
                            "ich verstehe (?:das )?nicht", "bin kein (?:experte|techniker|profi)",
                            "nicht so technisch", "technisch nicht (?:so )?versiert", "nicht gut mit computern",
                            "schritt für schritt", "was muss ich (?:da )?machen", "wie geht das")),
            "en", new Language(
                    words("dear", "kind regards", "best regards", "yours sincerely", "yours faithfully", "sincerely",
                            "to whom it may concern", "i would be grateful", "i would appreciate", "would you kindly",
                            "please find", "thank you in advance"),
                    words("hi", "hey", "hiya", "yo", "cheers", "gonna", "wanna", "kinda", "dunno", "gotta", "ya",
                            "u", "ur", "guys", "ok so", "pls", "thx"),
                    NONE, NONE, NONE,
                    words("not (?:very )?good with computers", "not (?:very )?tech(?:nical|[- ]savvy)",
                            "what does (?:that|this|it) mean", "i don'?t understand", "no idea", "no clue",
                            "i'?m not sure how", "step by step", "i'?m (?:a )?beginner", "i'?m new to this",
                            "i'?m not an expert", "what do i (?:have to|need to) do", "what is an?")),
            "fr", new Language(
                    words("madame", "monsieur", "cordialement", "veuillez", "je vous prie", "bien à vous",
                            "salutations distinguées", "je me permets"),
                    words("salut", "coucou", "bisous", "stp", "svp", "ouais", "mdr", "bref", "trop bien"),
                    words("vous", "votre", "vos"), NONE,
                    words("tu", "toi", "ton", "ta", "tes", "te", "peux-tu", "as-tu"),
                    words("je ne comprends pas", "qu'est-ce que (?:ça|cela) veut dire", "je ne suis pas doué",
                            "aucune idée", "je n'y connais rien", "étape par étape")),
            "es", new Language(
                    words("estimad[oa]s?", "atentamente", "cordiales saludos", "le saluda", "le agradecería",
                            "quedo a la espera", "señor(?:a|es)?"),
                    words("hola", "oye", "saludos", "porfa", "jaja+", "vale", "chao"),
                    words("usted", "ustedes"), NONE,
                    words("tú", "tu", "tus", "ti", "contigo", "te", "puedes", "tienes"),
                    words("no entiendo", "qué significa", "no tengo ni idea", "no sé nada de", "paso a paso",
                            "no soy experto")),
            "it", new Language(
                    words("gentile", "gentili", "gentilmente", "egregio", "cordiali saluti", "distinti saluti", "la prego", "la ringrazio", "potrebbe",
                            "resto in attesa"),
                    words("ciao", "ehi", "grazie mille", "a presto", "boh", "ahah+"),
                    NONE, exact("Lei", "Le", "La", "Suo", "Sua", "Suoi"),
                    words("tu", "ti", "te", "tuo", "tua", "tuoi", "puoi", "hai"),
                    words("non capisco", "cosa significa", "non ne ho idea", "non sono esperto", "passo dopo passo")),
            "nl", new Language(
                    words("geachte", "met vriendelijke groet(?:en)?", "hoogachtend", "bij voorbaat dank"),
                    words("hoi", "hey", "hallo", "groetjes", "doei", "ff", "even snel"),
                    words("u", "uw"), NONE,
                    words("jij", "je", "jou", "jouw", "jullie"),
                    words("ik begrijp het niet", "wat betekent", "geen idee", "ik ben geen expert", "stap voor stap")),
            "pt", new Language(
                    words("prezad[oa]s?", "atenciosamente", "cordialmente", "exm[oa]", "caro senhor",
                            "com os melhores cumprimentos"),
                    words("oi", "olá", "valeu", "abraços?", "beijos?", "kkk+", "tipo"),
                    words("o senhor", "a senhora", "os senhores", "você", "vocês", "vossa"), NONE,
                    words("tu", "te", "teu", "tua", "teus", "tuas", "contigo"),
                    words("não entendo", "o que significa", "não faço ideia", "não sou especialista", "passo a passo")),
            "pl", new Language(
                    words("szanown[iay]", "z poważaniem", "uprzejmie proszę", "z wyrazami szacunku"),
                    words("cześć", "hej", "siema", "elo", "pozdro", "nara"),
                    words("pan", "pani", "państwo", "pana", "panu", "panią", "państwa", "państwu"), NONE,
                    words("ty", "cię", "ciebie", "tobie", "twój", "twoja", "twoje", "możesz", "masz"),
                    words("nie rozumiem", "co to znaczy", "nie mam pojęcia", "nie znam się", "krok po kroku")));

    /** Expert markers that hold in any language: error codes, stack traces, protocol and API terms. */
    static final List<Pattern> EXPERT_STRONG = List.of(
            Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.(?:java|kt|scala):\\d+\\)"),
            Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b"),
            Pattern.compile("\\bTraceback \\(most recent call last\\)"),
            Pattern.compile("\\bERR_[A-Z_]{3,}\\b"),
            Pattern.compile("(?i)\\b(?:HTTP|status|error|code|fehler|erreur)\\s*:?\\s*[45]\\d\\d\\b"),
            Pattern.compile("\\b0x[0-9a-fA-F]{4,}\\b"),
            Pattern.compile("(?m)^\\s*(?:\\$|>|PS [A-Z]:\\\\>?)\\s*(?:curl|sudo|kubectl|docker|git|npm|pip|ssh)\\b"));

    static final Pattern EXPERT_TERMS = words("api", "json", "xml", "yaml", "curl", "ssl", "tls", "dns", "token",
            "endpoint", "webhook", "oauth2?", "sdk", "http", "https", "header", "payload", "timeout", "latency",
            "stack ?trace", "regex", "sql", "cli", "ssh", "proxy", "certificate", "zertifikat", "cors", "smtp",
            "imap", "dkim", "spf", "kubernetes", "docker", "cache", "config", "localhost", "ip address", "port",
            "firewall", "vpn", "log ?files?", "logs", "debug", "stderr", "stdout", "cron", "rest", "graphql",
            "bearer", "jwt", "api key", "rate limit", "query", "stacktrace", "ipv[46]", "tcp", "udp", "saml", "ldap",
            "sso", "mfa", "2fa", "hash", "nginx", "apache", "tomcat", "jvm", "heap", "thread", "deploy(?:ment)?");

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }
}
