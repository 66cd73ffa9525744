package dev.deskassist.core.triage.entity;

import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityExtractor;
import dev.deskassist.core.triage.EntityType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds e-mail addresses, URLs, phone numbers, IBANs (mod-97 checked), card numbers (Luhn
 * checked), the team's order / invoice / tracking / customer numbers ({@link EntityPatterns}),
 * amounts with a currency and dates (normalized to ISO 8601 where the text allows it).
 *
 * <p>Each kind is one precompiled, linear pattern (bounded quantifiers, no nested repetition), run
 * only when a cheap pre-check says it can match, so a megabyte of text costs one scan per kind.
 * Where candidates overlap the more specific kind wins: URL, e-mail, IBAN, the team's patterns,
 * card, date, amount, phone. Thread-safe.
 */
public final class PatternEntityExtractor implements EntityExtractor {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'\\u00A0]{2,2048}");

    private static final Pattern IBAN = Pattern.compile(
            "\\b[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\\b");

    private static final Pattern CARD = Pattern.compile("(?<![\\d.,])[2-6](?:[ -]?\\d){12,18}(?!\\d)");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    private static final Pattern DOTTED_DATE = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern SLASH_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH_ALT = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"));
    private static final Pattern DAY_MONTH_DATE = Pattern.compile("(?iu)(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s{0,2}(?:of\\s)?("
            + MONTH_ALT + ")\\.?(?:,?\\s{1,2}(\\d{4}))?(?![\\p{L}\\d])");
    private static final Pattern MONTH_DAY_DATE = Pattern.compile("(?iu)\\b(" + MONTH_ALT
            + ")\\.?\\s{1,2}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,2}(\\d{4})(?!\\d)");

    private static final String NUMBER = "(?:\\d{1,3}(?:[.,'’]\\d{3}){1,4}|\\d{1,9})(?:[.,]\\d{1,2})?";
    private static final Pattern AMOUNT_PREFIX = Pattern.compile("(?iu)(?<![\\p{L}\\d])(€|EUR|USD|US\\$|\\$|£|GBP|CHF|Fr\\.)\\s?("
            + NUMBER + ")(?![\\d.,]\\d)");
    private static final Pattern AMOUNT_SUFFIX = Pattern.compile("(?iu)(?<![\\d.,])(" + NUMBER
            + ")\\s?(€|EUR|Euros?|USD|Dollars?|\\$|£|GBP|CHF|Franken)(?![\\p{L}\\d])");

    private static final Pattern PHONE_INTL = Pattern.compile("(?<![\\w+])(?:\\+|00)[1-9][\\d ./()-]{6,22}\\d(?!\\d)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile("(?<![\\w+/.,-])\\(?0[1-9][\\d ./()-]{5,18}\\d(?!\\d)");
    private static final Pattern PHONE_US = Pattern.compile(
            "(?<![\\w+/.,-])(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])\\d{3}[-. ]\\d{4}(?!\\d)");

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}");

    private static final int MAX_EMAIL_LOCAL = 64;
    private static final int MAX_EMAIL_DOMAIN = 255;

    private final EntityPatterns custom;

    /** An extractor with {@link EntityPatterns#defaults()}. */
    public PatternEntityExtractor() {
        this(EntityPatterns.defaults());
    }

    public PatternEntityExtractor(EntityPatterns custom) {
        this.custom = Objects.requireNonNull(custom, "custom");
    }

    @Override
    public List<Entity> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean digit = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
                break;
            }
        }
        List<Candidate> found = new ArrayList<>();
        if (text.indexOf("://") >= 0 || text.indexOf("www.") >= 0 || text.indexOf("WWW.") >= 0) {
            urls(text, found);
        }
        if (text.indexOf('@') >= 0) {
            emails(text, found);
        }
        if (digit) {
            ibans(text, found);
            customs(text, found);
            cards(text, found);
            dates(text, found);
            amounts(text, found);
            phones(text, found);
        }
        return resolve(text, found);
    }

    /** One possible entity before overlaps are resolved; lower rank wins. */
    private record Candidate(EntityType type, int start, int end, String normalized, int rank) {
        int length() {
            return end - start;
        }
    }

    private static List<Entity> resolve(String text, List<Candidate> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.size() > 1) {
            found.sort(Comparator.comparingInt(Candidate::rank)
                    .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
                    .thenComparingInt(Candidate::start));
        }
        BitSet taken = new BitSet();
        List<Candidate> kept = new ArrayList<>(found.size());
        for (Candidate c : found) {
            int next = taken.nextSetBit(c.start);
            if (next < 0 || next >= c.end) {
                taken.set(c.start, c.end);
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        List<Entity> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            out.add(new Entity(c.type, text.substring(c.start, c.end), c.normalized, c.start, c.end));
        }
        return out;
    }

    private static void urls(String text, List<Candidate> out) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && ".,;:!?)]}'\"»".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end - m.start() > 4) {
                out.add(new Candidate(EntityType.URL, m.start(), end, null, 0));
            }
        }
    }

    /** Scans around each '@' instead of a regex, so that long runs of letters cost nothing. */
    private static void emails(String text, List<Candidate> out) {
        int n = text.length();
        int at = text.indexOf('@');
        while (at >= 0) {
            int s = at;
            while (s > 0 && at - s < MAX_EMAIL_LOCAL && isLocalChar(text.charAt(s - 1))) {
                s--;
            }
            while (s < at && text.charAt(s) == '.') {
                s++;
            }
            int e = at + 1;
            int lastDot = -1;
            while (e < n && e - at <= MAX_EMAIL_DOMAIN && isDomainChar(text.charAt(e))) {
                if (text.charAt(e) == '.') {
                    lastDot = e;
                }
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
                if (lastDot == e) {
                    lastDot = text.lastIndexOf('.', e - 1);
                }
            }
            if (s < at && lastDot > at + 1 && e - lastDot - 1 >= 2 && allLetters(text, lastDot + 1, e)) {
                out.add(new Candidate(EntityType.EMAIL, s, e, text.substring(s, e).toLowerCase(Locale.ROOT), 1));
            }
            at = text.indexOf('@', Math.max(e, at + 1));
        }
    }

    private static boolean isLocalChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean allLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static void ibans(String text, List<Candidate> out) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            StringBuilder compact = new StringBuilder(34);
            int end = m.start();
            int expected = Checksums.ibanLength(text.substring(m.start(), m.start() + 2).toUpperCase(Locale.ROOT));
            for (int i = m.start(); i < m.end(); i++) {
                char c = text.charAt(i);
                if (c != ' ') {
                    compact.append(Character.toUpperCase(c));
                    end = i + 1;
                    if (compact.length() == expected) {
                        break;
                    }
                }
            }
            if (Checksums.ibanValid(compact)) {
                out.add(new Candidate(EntityType.IBAN, m.start(), end, compact.toString(), 2));
            }
        }
    }

    private void customs(String text, List<Candidate> out) {
        for (EntityPatterns.Named named : custom.patterns()) {
            Matcher m = named.pattern().matcher(text);
            boolean valueGroup = named.hasValueGroup();
            while (m.find()) {
                int s = valueGroup ? m.start("value") : m.start();
                int e = valueGroup ? m.end("value") : m.end();
                if (s < 0 || e <= s || !containsDigit(text, s, e)) {
                    continue;
                }
                String norm = text.substring(s, e).replace(" ", "").toUpperCase(Locale.ROOT);
                out.add(new Candidate(named.type(), s, e, norm, 3));
            }
        }
    }

    private static boolean containsDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static void cards(String text, List<Candidate> out) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = digitsOf(text, m.start(), m.end());
            if (digits.length() >= 13 && digits.length() <= 19 && Checksums.luhn(digits) && !sameDigit(digits)) {
                out.add(new Candidate(EntityType.CARD_NUMBER, m.start(), m.end(), digits, 4));
            }
        }
    }

    private static boolean sameDigit(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static void dates(String text, List<Candidate> out) {
        Matcher m = ISO_DATE.matcher(text);
        while (m.find()) {
            addDate(out, m, group(m, 1), group(m, 2), group(m, 3), false);
        }
        if (text.indexOf('.') >= 0) {
            m = DOTTED_DATE.matcher(text);
            while (m.find()) {
                int year = group(m, 3);
                addDate(out, m, year < 100 ? 2000 + year : year, group(m, 2), group(m, 1), false);
            }
        }
        if (text.indexOf('/') >= 0) {
            m = SLASH_DATE.matcher(text);
            while (m.find()) {
                int a = group(m, 1);
                int b = group(m, 2);
                if (a > 12 && b <= 12) {
                    addDate(out, m, group(m, 3), b, a, false);
                } else if (b > 12 && a <= 12) {
                    addDate(out, m, group(m, 3), a, b, false);
                } else if (a <= 12 && b <= 12 && a > 0 && b > 0) {
                    // 03/05/2024 is March or May depending on the writer: keep it, but do not guess
                    out.add(new Candidate(EntityType.DATE, m.start(), m.end(), m.group(), 5));
                }
            }
        }
        m = DAY_MONTH_DATE.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            addDate(out, m, m.group(3) == null ? -1 : group(m, 3), month, group(m, 1), m.group(3) == null);
        }
        m = MONTH_DAY_DATE.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            addDate(out, m, group(m, 3), month, group(m, 2), false);
        }
    }

    private static int group(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static void addDate(List<Candidate> out, Matcher m, int year, Integer month, int day, boolean noYear) {
        if (month == null) {
            return;
        }
        try {
            // validates day and month even without a year (2024 is a leap year, so 29 Feb passes)
            LocalDate d = LocalDate.of(noYear ? 2024 : year, month, day);
            if (!noYear && (year < 1900 || year > 2199)) {
                return;
            }
            String iso = noYear ? String.format(Locale.ROOT, "--%02d-%02d", month, day) : d.toString();
            out.add(new Candidate(EntityType.DATE, m.start(), m.end(), iso, 5));
        } catch (DateTimeException e) {
            // not a calendar date (31.02., 2024-13-01): not a date entity
        }
    }

    private static void amounts(String text, List<Candidate> out) {
        Matcher m = AMOUNT_PREFIX.matcher(text);
        while (m.find()) {
            out.add(new Candidate(EntityType.AMOUNT, m.start(), m.end(),
                    currency(m.group(1)) + " " + number(m.group(2)), 6));
        }
        m = AMOUNT_SUFFIX.matcher(text);
        while (m.find()) {
            out.add(new Candidate(EntityType.AMOUNT, m.start(), m.end(),
                    currency(m.group(2)) + " " + number(m.group(1)), 6));
        }
    }

    private static String currency(String symbol) {
        String s = symbol.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "€", "eur", "euro", "euros" -> "EUR";
            case "$", "us$", "usd", "dollar", "dollars" -> "USD";
            case "£", "gbp" -> "GBP";
            case "chf", "fr.", "franken" -> "CHF";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    /** "1.234,56" and "1,234.56" both become "1234.56": a last separator before 1-2 digits is the decimal one. */
    static String number(String raw) {
        int lastSep = -1;
        for (int i = raw.length() - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (c == '.' || c == ',') {
                lastSep = i;
                break;
            }
        }
        boolean decimal = lastSep >= 0 && raw.length() - lastSep - 1 <= 2;
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (decimal && i == lastSep) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    private static void phones(String text, List<Candidate> out) {
        Matcher m = PHONE_INTL.matcher(text);
        while (m.find()) {
            String s = m.group();
            String trunkless = s.replace("(0)", "");
            String digits = digitsOf(trunkless, 0, trunkless.length());
            if (digits.startsWith("00")) {
                digits = digits.substring(2);
            }
            if (digits.length() >= 8 && digits.length() <= 15 && plausiblePhone(s)) {
                out.add(new Candidate(EntityType.PHONE, m.start(), m.end(), "+" + digits, 7));
            }
        }
        m = PHONE_NATIONAL.matcher(text);
        while (m.find()) {
            String s = m.group();
            String digits = digitsOf(s, 0, s.length());
            boolean separated = s.length() != digits.length();
            // an unseparated run is a phone only when it looks like a mobile number (01xx + 7..8 digits)
            boolean mobile = !separated && digits.startsWith("01") && digits.length() >= 10;
            if (digits.length() >= 7 && digits.length() <= 12 && (separated || mobile) && plausiblePhone(s)) {
                out.add(new Candidate(EntityType.PHONE, m.start(), m.end(), digits, 7));
            }
        }
        m = PHONE_US.matcher(text);
        while (m.find()) {
            out.add(new Candidate(EntityType.PHONE, m.start(), m.end(), digitsOf(m.group(), 0, m.group().length()), 7));
        }
    }

    /** Rejects dates, balanced-parenthesis violations and runs of separators that only look like phones. */
    private static boolean plausiblePhone(String s) {
        if (DATE_SHAPE.matcher(s).matches()) {
            return false;
        }
        int open = 0;
        int seps = 0;
        char lastSep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                open++;
            } else if (c == ')') {
                if (--open < 0) {
                    return false;
                }
            }
            if (c == '.' || c == '-' || c == '/' || c == ' ') {
                if (++seps > 3 || (c != ' ' && c == lastSep)) {
                    return false;
                }
                lastSep = c;
            } else {
                seps = 0;
                lastSep = 0;
            }
        }
        return open == 0;
    }

    private static String digitsOf(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] names = {
            {"januar", "jänner", "january", "janvier", "jan"},
            {"februar", "february", "février", "fevrier", "feb", "febr"},
            {"märz", "maerz", "march", "mars", "mär", "mar"},
            {"april", "avril", "apr"},
            {"mai", "may"},
            {"juni", "june", "juin", "jun"},
            {"juli", "july", "juillet", "jul"},
            {"august", "août", "aout", "aug"},
            {"september", "septembre", "sept", "sep"},
            {"oktober", "october", "octobre", "okt", "oct"},
            {"november", "novembre", "nov"},
            {"dezember", "december", "décembre", "decembre", "dez", "dec"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
