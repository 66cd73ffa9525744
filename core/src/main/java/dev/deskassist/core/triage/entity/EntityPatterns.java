package dev.deskassist.core.triage.entity;

import dev.deskassist.core.triage.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The team's own number formats: named regular expressions that find order, invoice, tracking
 * and customer numbers. A pattern may hold a named group {@code value}; the entity is then that
 * group (the number without the "Bestellnummer:" before it), otherwise the whole match. A value
 * must contain at least one digit, so that "order arrived" is not an order number.
 *
 * <p>Patterns run on every ticket: keep them linear (no nested quantifiers such as {@code (a+)+})
 * and prefer {@link Builder#keyword} or patterns with {@code firstChars}, which are tried only
 * where a word or number starts instead of scanning the whole text.
 *
 * <pre>{@code
 * EntityPatterns patterns = EntityPatterns.builder()
 *     .addDefaults()
 *     .add("shop-order", EntityType.ORDER_NUMBER, "NW-\\d{6}\\b", "N")    // tried where a word starts with N
 *     .keyword("contract", EntityType.CUSTOMER_NUMBER, List.of("Vertragsnummer", "contract no"), "[A-Z0-9-]{4,20}")
 *     .build();
 * }</pre>
 */
public record EntityPatterns(List<Named> patterns) {

    /**
     * One named pattern for one entity type. With {@code starts} (lower-case one- or two-character
     * beginnings, such as {@code "1"} for {@code 1Z...} or {@code "be"} for "Bestellnummer") the
     * pattern is only tried where a word or number begins that way, which costs next to nothing;
     * with an empty list it scans the whole text with {@code find()}. With {@code keywords} the
     * pattern is matched right after one of them (found without a regex, case-insensitively).
     */
    public record Named(String name, EntityType type, Pattern pattern, List<String> starts, List<String> keywords) {
        public Named {
            keywords = keywords == null ? List.of() : keywords.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT))
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(pattern, "pattern");
            starts = starts == null ? List.of() : starts.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).distinct()
                    .toList();
            for (String x : starts) {
                if (x.isEmpty() || x.length() > 2) {
                    throw new IllegalArgumentException("entity pattern '" + name + "': starts must be 1 or 2 characters");
                }
            }
        }

        boolean hasValueGroup() {
            // Pattern.namedGroups() arrives only in Java 20
            return pattern.pattern().contains("(?<value>");
        }

        boolean scansWholeText() {
            return starts.isEmpty();
        }

        /** Whether a word or number starting with {@code c}, {@code next} (already lower case) may match. */
        boolean triggeredBy(char c, char next) {
            for (int i = 0; i < starts.size(); i++) {
                String x = starts.get(i);
                if (x.charAt(0) == c && (x.length() == 1 || x.charAt(1) == next)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What may stand between a keyword and its number: "Bestellnummer: 123", "Order #123", "invoice no. 4711", "order number is 123". */
    private static final String SEP = "\\.?\\s{0,2}(?:#|:|-|nr\\.?|no\\.?|number|nummer)?\\.?\\s{0,2}"
            + "(?:(?:is|ist|lautet|est)\\s{1,2})?#?";

    private static final EntityPatterns DEFAULTS = builder()
            .keyword("order-keyword", EntityType.ORDER_NUMBER,
                    List.of("bestellung", "bestellnummer", "bestellnr", "bestell-nr", "auftrag", "auftragsnummer",
                            "auftragsnr", "order", "order number", "order no", "order id", "commande", "pedido", "ordine"),
                    "[A-Z0-9][A-Z0-9-]{3,24}[A-Z0-9]")
            .keyword("invoice-keyword", EntityType.INVOICE_NUMBER,
                    List.of("rechnung", "rechnungsnummer", "rechnungsnr", "rechnungs-nr", "invoice", "invoice number",
                            "invoice no", "facture", "rg"),
                    "[A-Z0-9][A-Z0-9/-]{3,24}[A-Z0-9]")
            .add("invoice-code", EntityType.INVOICE_NUMBER, "(?:RE|INV|RG)-\\d{4}-\\d{3,8}(?![A-Za-z0-9])", "RIri")
            .keyword("tracking-keyword", EntityType.TRACKING_NUMBER,
                    List.of("sendungsnummer", "sendungsnr", "sendungs-nr", "tracking", "tracking number", "tracking no",
                            "tracking id", "tracking code", "trackingnummer", "paketnummer", "shipment", "shipment number",
                            "suivi"),
                    "[A-Z0-9]{8,35}")
            .add("tracking-ups", EntityType.TRACKING_NUMBER, "1Z[0-9A-Z]{16}(?![A-Za-z0-9])", "1")
            .add("tracking-dhl-jjd", EntityType.TRACKING_NUMBER, "JJD\\d{16,22}(?![A-Za-z0-9])", "J")
            .keyword("customer-keyword", EntityType.CUSTOMER_NUMBER,
                    List.of("kundennummer", "kundennr", "kunden-nr", "kd-nr", "kdnr", "customer number", "customer no",
                            "customer id", "account number", "account no", "account id"),
                    "[A-Z0-9][A-Z0-9-]{2,24}[A-Z0-9]")
            .build();

    public EntityPatterns {
        patterns = List.copyOf(patterns);
    }

    /**
     * German and English defaults: "Bestellnummer 12345", "Order #A-1001", "Rechnung RE-2024-0042",
     * "invoice no. 4711", "Sendungsnummer ...", UPS {@code 1Z...}, DHL {@code JJD...} and
     * "Kundennummer / customer id ...". (UPU S10 ids such as {@code RR123456785DE} are built in.)
     */
    public static EntityPatterns defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects named patterns; a name added twice replaces the earlier pattern. */
    public static final class Builder {
        private final Map<String, Named> byName = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds {@link #defaults()}; patterns added later under the same name replace them. */
        public Builder addDefaults() {
            DEFAULTS.patterns.forEach(n -> byName.put(n.name(), n));
            return this;
        }

        /**
         * Adds a pattern that scans the whole text; throws {@link IllegalArgumentException} naming
         * the pattern when the regex is invalid.
         */
        public Builder add(String name, EntityType type, String regex) {
            return add(name, type, regex, null);
        }

        /**
         * Adds a pattern tried only where a word or number starts with one of {@code firstChars}
         * (for {@code 1Z...} that is {@code "1"}; case does not matter): much cheaper than a scan of its own.
         */
        public Builder add(String name, EntityType type, String regex, String firstChars) {
            List<String> starts = firstChars == null ? List.of()
                    : firstChars.chars().mapToObj(c -> String.valueOf((char) c)).toList();
            return add(new Named(name, type, compile(name, regex, 0), starts, List.of()));
        }

        /**
         * Adds a number that follows one of {@code keywords} (case-insensitive, e.g. "Bestellnummer",
         * "order no"), with "#", ":", "nr." or "no." allowed between; {@code valueRegex} describes the
         * number itself and is matched case-insensitively.
         */
        public Builder keyword(String name, EntityType type, List<String> keywords, String valueRegex) {
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException("entity pattern '" + name + "' needs at least one keyword");
            }
            List<String> starts = new ArrayList<>();
            for (String k : keywords) {
                if (k.isBlank()) {
                    throw new IllegalArgumentException("entity pattern '" + name + "' has a blank keyword");
                }
                starts.add(k.length() > 1 ? k.substring(0, 2) : k);
            }
            String regex = SEP + "(?<value>" + valueRegex + ")(?![\\p{L}\\d])";
            return add(new Named(name, type, compile(name, regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    starts, keywords));
        }

        private static Pattern compile(String name, String regex, int flags) {
            try {
                return Pattern.compile(regex, flags);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("entity pattern '" + name + "' is not a valid regex: "
                        + e.getDescription() + " at index " + e.getIndex(), e);
            }
        }

        public Builder add(Named named) {
            byName.put(named.name(), named);
            return this;
        }

        public Builder remove(String name) {
            byName.remove(name);
            return this;
        }

        public EntityPatterns build() {
            return new EntityPatterns(new ArrayList<>(byName.values()));
        }
    }
}
