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
 * and start them with a keyword or a narrow character class.
 *
 * <pre>{@code
 * EntityPatterns patterns = EntityPatterns.builder()
 *     .addDefaults()
 *     .add("shop-order", EntityType.ORDER_NUMBER, "\\bNW-\\d{6}\\b")
 *     .build();
 * }</pre>
 */
public record EntityPatterns(List<Named> patterns) {

    /** One named pattern for one entity type. */
    public record Named(String name, EntityType type, Pattern pattern) {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(pattern, "pattern");
        }

        boolean hasValueGroup() {
            // Pattern.namedGroups() arrives only in Java 20
            return pattern.pattern().contains("(?<value>");
        }
    }

    private static final String SEP = "\\.?\\s{0,2}(?:#|:|-|nr\\.?|no\\.?)?\\s{0,2}";

    private static final EntityPatterns DEFAULTS = builder()
            .add("order-keyword", EntityType.ORDER_NUMBER,
                    "(?iu)\\b(?:bestell(?:ung|nummer|nr|-nr)|auftrags?(?:nummer|nr|-nr)?|order(?:\\s?(?:number|no|nr|id))?"
                            + "|commande|pedido|ordine)" + SEP + "(?<value>[A-Z0-9][A-Z0-9-]{3,24}[A-Z0-9])\\b")
            .add("invoice-keyword", EntityType.INVOICE_NUMBER,
                    "(?iu)\\b(?:rechnung(?:s(?:nummer|nr|-nr))?|invoice(?:\\s?(?:number|no|nr|id))?|rg|facture)"
                            + SEP + "(?<value>[A-Z0-9][A-Z0-9/-]{3,24}[A-Z0-9])\\b")
            .add("invoice-code", EntityType.INVOICE_NUMBER, "\\b(?:RE|INV|RG)-\\d{4}-\\d{3,8}\\b")
            .add("tracking-keyword", EntityType.TRACKING_NUMBER,
                    "(?iu)\\b(?:sendungs(?:nummer|nr|-nr)|tracking(?:\\s?(?:number|no|nr|id|code))?|trackingnummer"
                            + "|paket(?:nummer|nr)|shipment(?:\\s?(?:number|no|id))?|suivi)"
                            + SEP + "(?<value>[A-Z0-9]{8,35})\\b")
            .add("tracking-ups", EntityType.TRACKING_NUMBER, "\\b1Z[0-9A-Z]{16}\\b")
            .add("tracking-dhl-jjd", EntityType.TRACKING_NUMBER, "\\bJJD\\d{16,22}\\b")
            // UPU S10 (RR123456789DE): letters, 8 digits plus check digit, country
            .add("tracking-upu-s10", EntityType.TRACKING_NUMBER, "\\b[A-Z]{2}\\d{9}(?:DE|AT|CH|FR|NL|BE|GB|US|CN|IT|ES|PL)\\b")
            .add("customer-keyword", EntityType.CUSTOMER_NUMBER,
                    "(?iu)\\b(?:kunden(?:nummer|nr|-nr|konto)|kd|customer(?:\\s?(?:number|no|nr|id))|account\\s?(?:number|no|id))"
                            + SEP + "(?<value>[A-Z0-9][A-Z0-9-]{2,24}[A-Z0-9])\\b")
            .build();

    public EntityPatterns {
        patterns = List.copyOf(patterns);
    }

    /**
     * German and English defaults: "Bestellnummer 12345", "Order #A-1001", "Rechnung RE-2024-0042",
     * "invoice no. 4711", "Sendungsnummer ...", UPS {@code 1Z...}, DHL {@code JJD...}, UPU S10
     * ({@code RR123456789DE}) and "Kundennummer / customer id ...".
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

        /** Adds a pattern; throws {@link IllegalArgumentException} naming the pattern when the regex is invalid. */
        public Builder add(String name, EntityType type, String regex) {
            try {
                return add(new Named(name, type, Pattern.compile(regex)));
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
