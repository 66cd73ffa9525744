package dev.deskassist.core.adapter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values from a property lookup ({@code key -> value or null}) for the adapters'
 * config interfaces, in the manner of Micrometer's registry configs: a missing required key or an
 * unreadable value gives an {@link AdapterConfigException} naming the key.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** The value, blank treated as absent. */
    public static Optional<String> optional(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The value, or an exception saying which key is missing and what it should hold. */
    public static String required(Function<String, String> lookup, String key, String what) {
        return optional(lookup, key).orElseThrow(() -> new AdapterConfigException(
                "missing required configuration '" + key + "': " + what));
    }

    /** A duration as ISO-8601 ({@code PT5M}) or a number with unit {@code ms}, {@code s}, {@code m}, {@code h}. */
    public static Duration duration(Function<String, String> lookup, String key, Duration fallback) {
        Optional<String> v = optional(lookup, key);
        if (v.isEmpty()) {
            return fallback;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new AdapterConfigException("configuration '" + key + "' is not a duration (e.g. 5m, 30s, 500ms, PT5M): "
                    + v.get(), e);
        }
    }

    public static int integer(Function<String, String> lookup, String key, int fallback) {
        Optional<String> v = optional(lookup, key);
        try {
            return v.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new AdapterConfigException("configuration '" + key + "' is not a whole number: " + v.get(), e);
        }
    }

    /** A comma-separated set, e.g. {@code 123,456}; empty when absent. */
    public static Set<String> set(Function<String, String> lookup, String key) {
        Set<String> out = new LinkedHashSet<>();
        optional(lookup, key).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        });
        return Set.copyOf(out);
    }

    /** A comma-separated map {@code name=value,name=value}; empty when absent. */
    public static Map<String, String> map(Function<String, String> lookup, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        optional(lookup, key).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new AdapterConfigException("configuration '" + key + "' must be name=value pairs separated "
                            + "by commas; bad entry: " + part.strip());
                }
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
