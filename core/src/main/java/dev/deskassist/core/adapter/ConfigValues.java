package dev.deskassist.core.adapter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values for the adapters' config interfaces, in the manner of Micrometer's
 * {@code PropertyValidator}: either from a {@link HelpdeskConfig} by a name below its prefix
 * ({@code ConfigValues.duration(this, "readTimeout", …)}), which names the key's origin in
 * errors, or from a plain lookup ({@code key -> value or null}) by full key. A missing required
 * key or an unreadable value gives an {@link AdapterConfigException} naming the key and what it
 * should hold; values are never quoted, since any of them may be a misplaced secret.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    // ---- by name below a HelpdeskConfig's prefix

    /** The value of {@code prefix.name}, blank treated as absent. */
    public static Optional<String> optional(HelpdeskConfig config, String name) {
        return optional(config::get, config.key(name));
    }

    /** The value, or an exception saying it is missing, what it should hold and how to set it. */
    public static String required(HelpdeskConfig config, String name, String what) {
        String key = config.key(name);
        return optional(config::get, key).orElseThrow(() -> new AdapterConfigException(new ConfigProblem(key, null,
                "missing: " + what + " (set " + key + " or " + ConfigSource.environmentName(key) + ")")));
    }

    /** A duration ({@link #duration(Function, String, Duration)}), which must be positive. */
    public static Duration duration(HelpdeskConfig config, String name, Duration fallback) {
        String key = config.key(name);
        return withOrigin(config, key, () -> {
            Duration d = duration(config::get, key, fallback);
            if (d.isNegative() || d.isZero()) {
                throw problem(key, "must be a positive duration");
            }
            return d;
        });
    }

    /** A whole number of at least {@code min}. */
    public static int integer(HelpdeskConfig config, String name, int fallback, int min) {
        String key = config.key(name);
        return withOrigin(config, key, () -> {
            int n = integer(config::get, key, fallback);
            if (n < min) {
                throw problem(key, "must be a whole number of at least " + min);
            }
            return n;
        });
    }

    /** {@code true} or {@code false}, ignoring case. */
    public static boolean bool(HelpdeskConfig config, String name, boolean fallback) {
        String key = config.key(name);
        return withOrigin(config, key, () -> {
            Optional<String> v = optional(config::get, key);
            if (v.isEmpty()) {
                return fallback;
            }
            return switch (v.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw problem(key, "must be true or false");
            };
        });
    }

    /** A comma-separated set, e.g. {@code 123,456}; empty when absent. */
    public static Set<String> set(HelpdeskConfig config, String name) {
        return set(config::get, config.key(name));
    }

    /** A comma-separated map {@code name=value,name=value}; empty when absent. */
    public static Map<String, String> map(HelpdeskConfig config, String name) {
        String key = config.key(name);
        return withOrigin(config, key, () -> map(config::get, key));
    }

    /**
     * The helpdesk id a configured map such as {@code groupIds} gives {@code name}, its exact key
     * first, then one differing only in case; else {@code name} itself when it already is an id
     * (matches {@code idPattern}); else {@code null}.
     */
    public static String idFor(Map<String, String> ids, String name, Pattern idPattern) {
        String id = ids.get(name);
        if (id == null) {
            id = ids.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (id != null) {
            return id;
        }
        return idPattern.matcher(name).matches() ? name : null;
    }

    private static <T> T withOrigin(HelpdeskConfig config, String key, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AdapterConfigException e) {
            String origin = config.source().origin(key);
            throw new AdapterConfigException(e.problems().stream().map(p -> p.withOrigin(origin)).toList());
        }
    }

    // ---- by full key from a plain lookup

    /** The value, blank treated as absent. */
    public static Optional<String> optional(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The value, or an exception saying which key is missing and what it should hold. */
    public static String required(Function<String, String> lookup, String key, String what) {
        return optional(lookup, key).orElseThrow(() -> new AdapterConfigException(new ConfigProblem(key, null,
                "missing required configuration '" + key + "': " + what)));
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
            throw problem(key, "is not a duration (e.g. 5m, 30s, 500ms, PT5M)");
        }
    }

    public static int integer(Function<String, String> lookup, String key, int fallback) {
        Optional<String> v = optional(lookup, key);
        try {
            return v.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw problem(key, "is not a whole number");
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
        return Collections.unmodifiableSet(out);
    }

    /** A comma-separated map {@code name=value,name=value}; empty when absent. */
    public static Map<String, String> map(Function<String, String> lookup, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        optional(lookup, key).ifPresent(v -> {
            int entry = 0;
            for (String part : v.split(",")) {
                entry++;
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? "" : part.substring(0, eq).strip();
                String value = eq < 0 ? "" : part.substring(eq + 1).strip();
                if (name.isEmpty() || value.isEmpty()) {
                    throw problem(key, "must be name=value pairs separated by commas; entry " + entry + " is not");
                }
                out.put(name, value);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static AdapterConfigException problem(String key, String message) {
        return new AdapterConfigException(new ConfigProblem(key, null, message));
    }
}
