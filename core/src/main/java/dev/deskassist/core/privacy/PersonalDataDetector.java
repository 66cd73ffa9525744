package dev.deskassist.core.privacy;

import dev.deskassist.core.triage.entity.Checksums;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in German and English support text with patterns: e-mail addresses,
 * phone numbers, IBANs, card numbers, street addresses and postcodes with a city, and person
 * names introduced by a greeting, a title, a sign-off, a mail header or "my name is". It errs on
 * the side of masking: a capitalized noun after "Frau" is masked too. Stateless and thread-safe.
 */
public final class PersonalDataDetector {

    /** A found piece of personal data: its kind and offsets in the text. */
    public record Span(PiiKind kind, int start, int end) {
    }

    private static final int F = Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}", F);
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern PHONE_INTL = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,3}(?:[ ./-]?\\(?\\d{1,5}\\)?){2,8}(?!\\d)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile(
            "(?<![\\w.])\\(?0\\d{2,5}\\)?(?:[ ./-]?\\d{2,8}){1,4}(?![\\d.]\\d)");
    private static final Pattern PHONE_US = Pattern.compile("(?<![\\w])\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}(?!\\d)");
    private static final Pattern PHONE_LABELLED = Pattern.compile(
            "(?i)\\b(?:tel|telefon|phone|mobil|mobile|handy|fax|cell|ruf)\\w*\\.?\\s*(?:nr\\.?|no\\.?|number|nummer)?\\s*:?\\s*([+(]?\\d[\\d ./()-]{4,}\\d)", F);
    private static final Pattern CARD_GROUPED = Pattern.compile("\\d{4}([ -]\\d{4}){2,3}(\\d{1,3})?|\\d{4}[ -]\\d{6}[ -]\\d{5}");
    private static final Pattern DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2}|\\d{4})");

    private static final Pattern STREET_DE = Pattern.compile(
            "\\b[\\p{Lu}][\\p{L}-]*(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig)\\s*\\d{1,4}(?:\\s?[a-z]\\b)?", F);
    private static final Pattern STREET_DE_TWO_WORDS = Pattern.compile(
            "\\b[\\p{Lu}][\\p{L}-]+\\s(?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee)\\s\\d{1,4}(?:\\s?[a-z]\\b)?", F);
    private static final Pattern STREET_DE_AM = Pattern.compile(
            "\\b(?:Am|An der|Auf dem|Im|In der|Zum|Zur)\\s[\\p{Lu}][\\p{L}-]+\\s\\d{1,4}[a-z]?\\b", F);
    private static final Pattern STREET_EN = Pattern.compile(
            "\\b\\d{1,5}\\s(?:[A-Z][a-z]+\\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq)\\b\\.?");
    private static final Pattern POSTCODE_CITY_DE = Pattern.compile(
            "\\b(?:D-)?\\d{5}\\s([\\p{Lu}][\\p{L}]+)(?:[ -](?:am|an der|[\\p{Lu}][\\p{L}]+))?", F);
    private static final Pattern POSTCODE_UK = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b");
    private static final Pattern CITY_STATE_ZIP_US = Pattern.compile("\\b[A-Z][a-z]+,\\s[A-Z]{2}\\s\\d{5}(?:-\\d{4})?\\b");
    private static final Set<String> NOT_A_CITY = Set.of("euro", "eur", "stück", "mal", "tage", "stunden", "minuten",
            "kunden", "bestellungen", "artikel", "dollar", "usd", "units", "items", "orders", "users", "nutzer", "mitarbeiter");

    private static final String NAME_WORD = "[\\p{Lu}][\\p{L}'’]+(?:-[\\p{Lu}][\\p{L}'’]+)?";
    private static final String TITLE = "(?:Frau|Herrn?|Hr\\.|Fr\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Mx\\.?|Dr\\.?|Prof\\.?)";
    private static final Pattern TITLED = Pattern.compile(
            "\\b" + TITLE + "\\s+(?:(?:Dr\\.?|Prof\\.?)\\s+)?(" + NAME_WORD + "(?:\\s" + NAME_WORD + ")?)", F);
    private static final Pattern GREETING = Pattern.compile(
            "(?im)^\\s*(?:hallo|hi|hey|moin|servus|guten (?:tag|morgen|abend)|liebe[rs]?|sehr geehrte[rs]?|dear|hello|good (?:morning|afternoon|evening))[ ,]+"
                    + "(?:" + TITLE + "\\s+)?(" + NAME_WORD + "(?:\\s" + NAME_WORD + ")?)", F);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?im)^\\s*(?:(?:mit )?(?:freundlichen|besten|herzlichen|lieben|viele|beste|liebe|schöne|sonnige) gr(?:ü|ue)(?:ß|ss)e?n?|gru(?:ß|ss)|gr(?:ü|ue)(?:ß|ss)e|lg|vg|mfg|"
                    + "(?:best|kind|warm|warmest)(?: regards| wishes)?|regards|thanks|thank you|many thanks|thanks again|cheers|sincerely|yours(?: sincerely| truly| faithfully)?|danke|vielen dank|bis bald)"
                    + "[ \\t]*[,.!]?[ \\t]*(" + NAME_WORD + "(?:[ \\t]" + NAME_WORD + ")?)?[ \\t]*$", F);
    private static final Pattern NAME_LINE = Pattern.compile("^\\s*(" + NAME_WORD + "(?:\\s" + NAME_WORD + "){0,2})\\s*$", F);
    private static final Pattern INTRODUCED = Pattern.compile(
            "(?i:my name is|mein name ist|ich hei(?:ß|ss)e|this is|hier ist|hier spricht|name\\s*:|(?:ansprechpartner(?:in)?|contact|kontakt)(?: person)?\\s*(?::|is|ist))\\s+("
                    + NAME_WORD + "(?:\\s" + NAME_WORD + ")?)", F);
    private static final Pattern MAIL_HEADER = Pattern.compile(
            "(?im)^\\s*>?\\s*(?:from|von|an|to|cc)\\s*:\\s*\"?(" + NAME_WORD + "(?:\\s" + NAME_WORD + "){0,2})\"?\\s*(?:<|\\[|$)", F);
    private static final Pattern WROTE_HEADER = Pattern.compile(
            "(?im)^\\s*>?\\s*(?:on|am)\\b[^\\n]{0,80}?(?:,|um \\d{1,2}:\\d{2}|\\d{1,2}:\\d{2})\\s*(?:schrieb\\s+)?(" + NAME_WORD + "(?:\\s" + NAME_WORD + "){0,2})\\s*(?:<[^>\\n]*>|\\[[^\\]\\n]*\\])?\\s*(?:wrote|schrieb)?\\s*:?\\s*$", F);

    /** "Laura Chen (laura@x.example)" or "Laura Chen <laura@x.example>": a name right before an e-mail address. */
    private static final Pattern NAME_BEFORE_EMAIL = Pattern.compile(
            "(" + NAME_WORD + "\\s" + NAME_WORD + ")\\s*[(<\\[]\\s*[\\w.+%-]+@", F);

    /** Capitalized words that follow greetings and titles but name no person. */
    private static final Set<String> NOT_A_NAME = Set.of(
            "team", "support", "supportteam", "support-team", "kundenservice", "kundendienst", "service", "damen", "herren",
            "sir", "madam", "all", "zusammen", "everyone", "there", "customer", "kunde", "kundin", "sales", "billing",
            "admin", "administrator", "it", "hallo", "hello", "hi", "dear", "ihr", "ihre", "euer", "eure", "danke",
            "thanks", "regards", "gmbh", "ag", "ltd", "inc", "the", "liebe", "lieber", "sehr", "geehrte", "geehrter",
            "ich", "wir", "sie", "you", "we", "i", "mit", "und", "and", "bitte", "please", "im", "am", "in", "on",
            "mein", "my", "vielen", "dank", "grüße", "gruß", "leider", "unfortunately", "best", "kind", "bis", "bald",
            "morgen", "tag", "abend", "helpdesk", "office", "info", "accounts", "buchhaltung", "rechnung", "invoice",
            "order", "bestellung");

    /** Finds spans of structured personal data (not names) in order of appearance, overlaps allowed. */
    public List<Span> findStructured(String text) {
        List<Span> out = new ArrayList<>();
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        // cheap preconditions first: most texts of a ticket hold no '@' and few digits, and a
        // regex that cannot match still costs a scan of the whole text
        if (text.indexOf('@') >= 0) {
            add(out, EMAIL, text, PiiKind.EMAIL);
        }
        if (digits < 3) {
            return out;
        }
        if (digits >= 8 && hasIbanStart(text)) {
            add(out, IBAN, text, PiiKind.IBAN);
        }
        if (digits >= 13) {
            Matcher card = CARD.matcher(text);
            while (card.find()) {
                String digitsOnly = card.group().replaceAll("\\D", "");
                boolean grouped = CARD_GROUPED.matcher(card.group()).matches();
                if (grouped || digitsOnly.length() >= 13 && Checksums.luhn(digitsOnly)) {
                    out.add(new Span(PiiKind.CARD, card.start(), card.end()));
                }
            }
        }
        if (digits >= 6) {
            for (Pattern p : List.of(PHONE_INTL, PHONE_NATIONAL, PHONE_US)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    int n = countDigits(m.group());
                    if (n >= 7 && n <= 15 && !DATE.matcher(m.group().strip()).matches()) {
                        // "(+1 646 555 0173)": the closing bracket of the sentence is not part of the number
                        String g = m.group();
                        int end = g.endsWith(")") && g.chars().filter(c -> c == '(').count() < g.chars().filter(c -> c == ')').count()
                                ? m.end() - 1 : m.end();
                        out.add(new Span(PiiKind.PHONE, m.start(), end));
                    }
                }
            }
            Matcher labelled = PHONE_LABELLED.matcher(text);
            while (labelled.find()) {
                int n = countDigits(labelled.group(1));
                if (n >= 6 && n <= 15) {
                    out.add(new Span(PiiKind.PHONE, labelled.start(1), labelled.end(1)));
                }
            }
        }
        for (Pattern p : List.of(STREET_DE, STREET_DE_TWO_WORDS, STREET_DE_AM, STREET_EN, POSTCODE_UK, CITY_STATE_ZIP_US)) {
            add(out, p, text, PiiKind.ADDRESS);
        }
        if (digits >= 5) {
            Matcher pc = POSTCODE_CITY_DE.matcher(text);
            while (pc.find()) {
                if (!NOT_A_CITY.contains(pc.group(1).toLowerCase(Locale.ROOT))) {
                    out.add(new Span(PiiKind.ADDRESS, pc.start(), pc.end()));
                }
            }
        }
        return out;
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    /** Two capital letters and two digits in a row: the start of any IBAN. */
    private static boolean hasIbanStart(String s) {
        for (int i = 0; i + 3 < s.length(); i++) {
            char a = s.charAt(i);
            if (a >= 'A' && a <= 'Z') {
                char b = s.charAt(i + 1);
                if (b >= 'A' && b <= 'Z' && Character.isDigit(s.charAt(i + 2)) && Character.isDigit(s.charAt(i + 3))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAny(String lower, String... cues) {
        for (String c : cues) {
            if (lower.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Person names this text introduces (greeting, title, sign-off, mail header, "my name is"). */
    public List<String> findNames(String text) {
        List<String> names = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Pattern> patterns = new ArrayList<>(6);
        if (containsAny(lower, "frau", "herr", "hr.", "fr.", "mr", "ms", "miss", "mx", "dr", "prof")) {
            patterns.add(TITLED);
        }
        if (containsAny(lower, "hallo", "hi", "hey", "moin", "servus", "guten", "liebe", "geehrte", "dear", "hello", "good")) {
            patterns.add(GREETING);
        }
        if (containsAny(lower, "name", "this is", "hei", "hier ", "contact", "kontakt", "ansprech")) {
            patterns.add(INTRODUCED);
        }
        if (lower.indexOf(':') >= 0) {
            patterns.add(MAIL_HEADER);
        }
        if (containsAny(lower, "wrote", "schrieb")) {
            patterns.add(WROTE_HEADER);
        }
        if (lower.indexOf('@') >= 0) {
            patterns.add(NAME_BEFORE_EMAIL);
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                addName(names, m.group(1));
            }
        }
        if (!containsAny(lower, "gr", "lg", "vg", "mfg", "best", "kind", "warm", "regards", "thank", "cheers", "sincerely",
                "yours", "dank", "bis bald")) {
            return names;
        }
        Matcher s = SIGN_OFF.matcher(text);
        while (s.find()) {
            if (s.group(1) != null) {
                addName(names, s.group(1));
            } else {
                // the name usually stands alone on the next non-empty line
                String rest = text.substring(s.end());
                for (String line : rest.split("\n", 4)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Matcher nl = NAME_LINE.matcher(line);
                    if (nl.matches()) {
                        addName(names, nl.group(1));
                    }
                    break;
                }
            }
        }
        return names;
    }

    private static void addName(Collection<String> names, String candidate) {
        if (candidate == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String w : candidate.strip().split("\\s+")) {
            if (NOT_A_NAME.contains(w.toLowerCase(Locale.ROOT))) {
                break;
            }
            kept.add(w);
        }
        if (!kept.isEmpty()) {
            names.add(String.join(" ", kept));
        }
    }

    private static void add(List<Span> out, Pattern p, String text, PiiKind kind) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Span(kind, m.start(), m.end()));
        }
    }
}
