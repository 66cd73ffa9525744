package dev.deskassist.core.privacy;

import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityExtractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the personal data in a ticket with stable placeholders before any of it leaves the
 * process: subject, description (new text, quoted history and signature), every comment and its
 * author's name, the requester's name, e-mail and organization, and custom field values. It
 * masks what {@link PersonalDataDetector} finds, the names the ticket itself knows (requester,
 * comment authors) wherever they occur, names introduced by greetings and sign-offs, values an
 * optional {@link EntityExtractor} marks as personal, and order/invoice/customer numbers when
 * configured. Every value found anywhere is masked everywhere in the ticket. Thread-safe.
 *
 * <pre>{@code
 * Pseudonymizer p = Pseudonymizer.builder()
 *     .businessNumbers(true)                                    // "Bestellnummer 4711-22" → [ORDER_1]
 *     .pattern(PiiKind.CUSTOMER, Pattern.compile("\\bKD-\\d{6}\\b"))
 *     .build();
 * PseudonymizedTicket safe = p.pseudonymize(ticket);
 * String restored = safe.map().restore(modelReply);
 * }</pre>
 */
public final class Pseudonymizer {

    private static final int F = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ORDER = Pattern.compile(
            "(?i:\\b(?:order|bestellung|bestellnummer|bestell-nr\\.?|auftrag|auftragsnummer|auftrags-nr\\.?|sendung|lieferung)\\s*(?:no\\.?|nr\\.?|number|nummer|id|#)?\\s*[:#]?\\s*)(#?(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9/-]{3,})", F);
    private static final Pattern INVOICE = Pattern.compile(
            "(?i:\\b(?:invoice|rechnung|rechnungsnummer|rechnungs-nr\\.?|beleg)\\s*(?:no\\.?|nr\\.?|number|nummer|#)?\\s*[:#]?\\s*)(#?(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9/-]{3,})", F);
    private static final Pattern CUSTOMER = Pattern.compile(
            "(?i:\\b(?:customer|kunden|kundennummer|kundenkonto|kunden-nr\\.?|account|konto|vertrag|vertragsnummer|contract)\\s*(?:no\\.?|nr\\.?|number|nummer|id|#)?\\s*[:#]?\\s*)(#?(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9/-]{3,})", F);

    private final PersonalDataDetector detector = new PersonalDataDetector();
    private final Map<Pattern, PiiKind> patterns;
    private final EntityExtractor extractor;

    private Pseudonymizer(Builder b) {
        this.patterns = Map.copyOf(b.patterns);
        this.extractor = b.extractor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default detection without order/invoice/customer numbers. */
    public static Pseudonymizer defaults() {
        return builder().build();
    }

    /** A pseudonymized copy of the ticket and the map to restore it. */
    public PseudonymizedTicket pseudonymize(Ticket t) {
        Objects.requireNonNull(t, "ticket");
        PseudonymMap map = new PseudonymMap();
        List<String> texts = texts(t);

        // names the ticket knows itself, then names introduced in the text
        Map<String, PiiKind> literals = new LinkedHashMap<>();
        Requester r = t.requester();
        addName(literals, r.name());
        if (r.email() != null && !r.email().isBlank()) {
            literals.put(r.email().strip(), PiiKind.EMAIL);
        }
        if (r.organization() != null && r.organization().strip().length() > 1) {
            literals.put(r.organization().strip(), PiiKind.ORG);
        }
        for (Comment c : t.comments()) {
            addName(literals, c.authorName());
        }
        for (String text : texts) {
            for (String n : detector.findNames(text)) {
                addName(literals, n);
            }
        }
        for (Map.Entry<String, PiiKind> e : literals.entrySet()) {
            // the requester's own data gets the lowest numbers, whatever the text order
            map.placeholder(e.getValue(), e.getKey());
        }

        // pass 1: find structured data everywhere and register it, so that pass 2 can mask a
        // value everywhere once it was recognized in any one place
        Map<String, List<PersonalDataDetector.Span>> spansByText = new HashMap<>();
        for (String text : texts) {
            if (text.isEmpty() || spansByText.containsKey(text)) {
                continue;
            }
            List<PersonalDataDetector.Span> spans = structured(text);
            spansByText.put(text, spans);
            for (PersonalDataDetector.Span s : spans) {
                String v = text.substring(s.start(), s.end());
                map.placeholder(s.kind(), v);
                if (!literals.containsKey(v)) {
                    literals.put(v, s.kind());
                }
            }
        }
        Literals lit = Literals.of(literals);
        Replacer rep = text -> replace(text, spansByText.get(text), lit, map);

        Ticket.Builder b = t.toBuilder()
                .subject(rep.apply(t.subject()))
                .description(pseudo(t.description(), rep))
                .requester(new Requester(null, rep.whole(r.name(), PiiKind.NAME, map),
                        rep.whole(r.email(), PiiKind.EMAIL, map), rep.whole(r.organization(), PiiKind.ORG, map),
                        r.segments()));
        List<Comment> comments = new ArrayList<>();
        for (Comment c : t.comments()) {
            comments.add(new Comment(c.id(), c.author(), rep.whole(c.authorName(), PiiKind.NAME, map), c.isPublic(),
                    c.createdAt(), pseudo(c.body(), rep)));
        }
        b.comments(comments);
        Map<String, String> fields = new LinkedHashMap<>();
        t.customFields().forEach((k, v) -> fields.put(k, v == null ? null : rep.apply(v)));
        b.customFields(fields);
        return new PseudonymizedTicket(b.build(), map);
    }

    /**
     * Pseudonymizes a further text with a ticket's map: values already known keep their
     * placeholders, new ones get new placeholders.
     */
    public String pseudonymize(String text, PseudonymMap map) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Map<String, PiiKind> literals = new LinkedHashMap<>();
        for (String n : detector.findNames(text)) {
            addName(literals, n);
        }
        literals.forEach((v, k) -> map.placeholder(k, v));
        return replace(text, structured(text), Literals.of(literals), map);
    }

    private interface Replacer {
        String apply(String text);

        default String whole(String value, PiiKind kind, PseudonymMap map) {
            if (value == null || value.isBlank()) {
                return value;
            }
            return map.placeholder(kind, value.strip());
        }
    }

    private static MessageText pseudo(MessageText m, Replacer rep) {
        return new MessageText(rep.apply(m.text()), rep.apply(m.quoted()), rep.apply(m.signature()));
    }

    private static List<String> texts(Ticket t) {
        List<String> out = new ArrayList<>();
        out.add(t.subject());
        addAll(out, t.description());
        for (Comment c : t.comments()) {
            addAll(out, c.body());
        }
        t.customFields().values().stream().filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private static void addAll(List<String> out, MessageText m) {
        out.add(m.text());
        out.add(m.quoted());
        out.add(m.signature());
    }

    private static void addName(Map<String, PiiKind> literals, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String full = name.strip().replaceAll("\\s+", " ");
        if (full.indexOf('@') >= 0) {
            literals.putIfAbsent(full, PiiKind.EMAIL);
            return;
        }
        literals.putIfAbsent(full, PiiKind.NAME);
        for (String part : full.split("[\\s,]+")) {
            // parts on their own ("Frau Müller", "Hi Jana"); particles and initials are too short to be safe to mask
            if (part.length() >= 3 && Character.isUpperCase(part.codePointAt(0))) {
                literals.putIfAbsent(part.replaceAll("[.,]$", ""), PiiKind.NAME);
            }
        }
    }

    private List<PersonalDataDetector.Span> structured(String text) {
        List<PersonalDataDetector.Span> spans = new ArrayList<>(detector.findStructured(text));
        for (Map.Entry<Pattern, PiiKind> e : patterns.entrySet()) {
            Matcher m = e.getKey().matcher(text);
            int g = m.groupCount() >= 1 ? 1 : 0;
            while (m.find()) {
                if (m.start(g) >= 0) {
                    spans.add(new PersonalDataDetector.Span(e.getValue(), m.start(g), m.end(g)));
                }
            }
        }
        if (extractor != null) {
            for (Entity en : extractor.extract(text)) {
                PiiKind k = switch (en.type()) {
                    case EMAIL -> PiiKind.EMAIL;
                    case PHONE -> PiiKind.PHONE;
                    case IBAN -> PiiKind.IBAN;
                    case CARD_NUMBER -> PiiKind.CARD;
                    case CUSTOMER_NUMBER -> PiiKind.CUSTOMER;
                    default -> null;
                };
                if (k != null && en.end() <= text.length()) {
                    spans.add(new PersonalDataDetector.Span(k, en.start(), en.end()));
                }
            }
        }
        return resolve(spans);
    }

    private static String replace(String text, List<PersonalDataDetector.Span> structured, Literals lit,
                                  PseudonymMap map) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<PersonalDataDetector.Span> spans = new ArrayList<>(structured == null ? List.of() : structured);
        lit.find(text, spans);
        if (spans.isEmpty()) {
            return text;
        }
        spans = resolve(spans);
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (PersonalDataDetector.Span s : spans) {
            sb.append(text, at, s.start());
            sb.append(map.placeholder(s.kind(), text.substring(s.start(), s.end())));
            at = s.end();
        }
        sb.append(text, at, text.length());
        return sb.toString();
    }

    /** Non-overlapping spans: earliest first, the longer one where two start together. */
    private static List<PersonalDataDetector.Span> resolve(List<PersonalDataDetector.Span> spans) {
        spans.sort(Comparator.comparingInt(PersonalDataDetector.Span::start)
                .thenComparing(s -> -(s.end() - s.start())));
        List<PersonalDataDetector.Span> out = new ArrayList<>(spans.size());
        int end = -1;
        for (PersonalDataDetector.Span s : spans) {
            if (s.start() >= end && s.end() > s.start()) {
                out.add(s);
                end = s.end();
            } else if (s.start() < end && s.end() > end && !out.isEmpty()) {
                // overlapping and reaching further: widen the previous span so nothing stays half masked
                PersonalDataDetector.Span prev = out.remove(out.size() - 1);
                out.add(new PersonalDataDetector.Span(prev.kind(), prev.start(), s.end()));
                end = s.end();
            }
        }
        return out;
    }

    /**
     * Known values matched literally, ignoring case, at word boundaries. A plain lower-case
     * {@code indexOf} per value is much cheaper than one case-insensitive regex alternation;
     * the regex is kept for the rare text whose lower-case form changes length.
     */
    private record Literals(List<String> keys, Map<String, PiiKind> kinds) {

        static Literals of(Map<String, PiiKind> values) {
            List<String> sorted = new ArrayList<>();
            Map<String, PiiKind> kinds = new HashMap<>();
            for (Map.Entry<String, PiiKind> e : values.entrySet()) {
                String key = SPACES.matcher(e.getKey().strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && kinds.putIfAbsent(key, e.getValue()) == null) {
                    sorted.add(key);
                }
            }
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            return new Literals(sorted, kinds);
        }

        void find(String text, List<PersonalDataDetector.Span> out) {
            if (keys.isEmpty()) {
                return;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.length() != text.length()) {
                findByRegex(text, out);
                return;
            }
            for (String k : keys) {
                indexOf(lower, k, kinds.get(k), out);
                if (k.indexOf(' ') >= 0) {
                    // a name broken over two lines ("Jana\nSchmidt")
                    indexOf(lower, k.replace(' ', '\n'), kinds.get(k), out);
                }
            }
        }

        private static void indexOf(String lower, String k, PiiKind kind, List<PersonalDataDetector.Span> out) {
            int from = 0;
            int at;
            while ((at = lower.indexOf(k, from)) >= 0) {
                int end = at + k.length();
                if ((at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))
                        && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
                    out.add(new PersonalDataDetector.Span(kind, at, end));
                }
                from = at + 1;
            }
        }

        private void findByRegex(String text, List<PersonalDataDetector.Span> out) {
            StringBuilder alt = new StringBuilder();
            for (String k : keys) {
                alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(k).replace(" ", "\\E\\s+\\Q"));
            }
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alt + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                PiiKind k = kinds.get(SPACES.matcher(m.group()).replaceAll(" ").toLowerCase(Locale.ROOT));
                out.add(new PersonalDataDetector.Span(k == null ? PiiKind.NAME : k, m.start(), m.end()));
            }
        }
    }

    /** Configures a {@link Pseudonymizer}. */
    public static final class Builder {
        private final Map<Pattern, PiiKind> patterns = new LinkedHashMap<>();
        private EntityExtractor extractor;

        private Builder() {
        }

        /**
         * Masks order, invoice and customer/contract numbers that follow their keyword
         * ("Bestellnummer 4711-22", "invoice #INV-2024-001", "Kundennummer: 55012") as
         * {@code [ORDER_n]}, {@code [INVOICE_n]}, {@code [CUSTOMER_n]}.
         */
        public Builder businessNumbers(boolean on) {
            if (on) {
                patterns.put(ORDER, PiiKind.ORDER);
                patterns.put(INVOICE, PiiKind.INVOICE);
                patterns.put(CUSTOMER, PiiKind.CUSTOMER);
            } else {
                patterns.remove(ORDER);
                patterns.remove(INVOICE);
                patterns.remove(CUSTOMER);
            }
            return this;
        }

        /** Masks every match of {@code pattern} (its group 1 when it has one) as {@code kind}. */
        public Builder pattern(PiiKind kind, Pattern pattern) {
            patterns.put(Objects.requireNonNull(pattern), Objects.requireNonNull(kind));
            return this;
        }

        /** Also masks the personal entities (e-mail, phone, IBAN, card, customer number) this extractor finds. */
        public Builder entityExtractor(EntityExtractor extractor) {
            this.extractor = extractor;
            return this;
        }

        public Pseudonymizer build() {
            return new Pseudonymizer(this);
        }
    }
}
