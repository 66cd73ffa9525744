package dev.deskassist.core.adapter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The {@link ConfigSource} implementations and the typo finder they share. */
final class ConfigSources {

    private ConfigSources() {
    }

    static ConfigSource properties(Properties properties, String fileName, Map<String, Integer> lines) {
        Objects.requireNonNull(properties, "properties");
        // a snapshot: later changes to the caller's Properties must not change a validated config
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        Map<String, Integer> lineOf = Map.copyOf(lines);
        return new ConfigSource() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public String origin(String key) {
                if (!values.containsKey(key)) {
                    return null;
                }
                if (fileName == null) {
                    return "property " + key;
                }
                Integer line = lineOf.get(key);
                return fileName + (line == null ? "" : " line " + line) + " (" + key + ")";
            }

            @Override
            public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
                List<ConfigProblem> out = new ArrayList<>();
                for (String key : new TreeSet<>(values.keySet())) {
                    if (key.startsWith(prefix + ".") && !known.contains(key)) {
                        out.add(new ConfigProblem(key, origin(key), unknown(key, known)));
                    }
                }
                return out;
            }

            @Override
            public String toString() {
                return "ConfigSource[" + (fileName == null ? "properties" : fileName) + ", values hidden]";
            }
        };
    }

    static ConfigSource file(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AdapterConfigException(new ConfigProblem(null, file.toString(),
                    "cannot read the configuration file (" + e.getClass().getSimpleName() + ")"));
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape
            throw new AdapterConfigException(new ConfigProblem(null, file.toString(),
                    "is not a readable properties file (" + e.getClass().getSimpleName() + ")"));
        }
        return properties(p, file.getFileName().toString(), keyLines(text));
    }

    /**
     * The line where each key is (last) defined. Properties lose line numbers, so the text is
     * scanned: a logical line starts where the previous one did not end in an odd number of
     * backslashes; its key runs to the first unescaped {@code =}, {@code :} or blank.
     */
    static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] physical = text.split("\r\n|\r|\n", -1);
        boolean continuation = false;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            boolean wasContinuation = continuation;
            continuation = endsWithOddBackslashes(line);
            String s = line.stripLeading();
            if (wasContinuation || s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == '!') {
                if (!wasContinuation) {
                    continuation = false;
                }
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\\' && j + 1 < s.length()) {
                    key.append(s.charAt(++j));
                } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                } else {
                    key.append(c);
                }
            }
            lines.put(key.toString(), i + 1);
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    static ConfigSource environment(Map<String, String> env) {
        Map<String, String> vars = Map.copyOf(Objects.requireNonNull(env, "env"));
        return new ConfigSource() {
            @Override
            public String get(String key) {
                return vars.get(ConfigSource.environmentName(key));
            }

            @Override
            public String origin(String key) {
                String name = ConfigSource.environmentName(key);
                return vars.containsKey(name) ? "environment variable " + name : null;
            }

            @Override
            public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
                String envPrefix = ConfigSource.environmentName(prefix) + "_";
                Set<String> knownNames = known.stream().map(ConfigSource::environmentName).collect(Collectors.toSet());
                List<ConfigProblem> out = new ArrayList<>();
                for (String name : new TreeSet<>(vars.keySet())) {
                    if (name.startsWith(envPrefix) && !knownNames.contains(name)) {
                        out.add(new ConfigProblem(name, "environment variable " + name, unknown(name, knownNames)));
                    }
                }
                return out;
            }

            @Override
            public String toString() {
                return "ConfigSource[environment, values hidden]";
            }
        };
    }

    /** The suffix of a key naming the environment variable that holds a secret. */
    static final String ENV_SUFFIX = ".env";

    static ConfigSource secretReferences(ConfigSource source, Map<String, String> env,
                                         java.util.function.Predicate<String> isSecret) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(isSecret, "isSecret");
        Map<String, String> vars = Map.copyOf(Objects.requireNonNull(env, "env"));
        return new ConfigSource() {
            private String variable(String key) {
                if (!isSecret.test(key)) {
                    return null;
                }
                String name = source.get(key + ENV_SUFFIX);
                return name == null || name.isBlank() ? null : name.strip();
            }

            @Override
            public String get(String key) {
                String variable = variable(key);
                if (variable == null) {
                    return source.get(key);
                }
                String v = vars.get(variable);
                return v == null || v.isBlank() ? null : v;
            }

            @Override
            public String origin(String key) {
                String variable = variable(key);
                if (variable == null) {
                    return source.origin(key);
                }
                return get(key) == null ? null
                        : "environment variable " + variable + " (named by " + source.origin(key + ENV_SUFFIX) + ")";
            }

            @Override
            public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
                Set<String> all = new java.util.LinkedHashSet<>(known);
                known.stream().filter(isSecret).forEach(k -> all.add(k + ENV_SUFFIX));
                return source.unknownKeys(prefix, all);
            }

            @Override
            public String toString() {
                return "ConfigSource[" + source + " with secrets from named environment variables, values hidden]";
            }
        };
    }

    static ConfigSource layered(List<ConfigSource> sources) {
        List<ConfigSource> all = List.copyOf(sources);
        return new ConfigSource() {
            @Override
            public String get(String key) {
                for (ConfigSource s : all) {
                    String v = s.get(key);
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }

            @Override
            public String origin(String key) {
                for (ConfigSource s : all) {
                    if (s.get(key) != null) {
                        return s.origin(key);
                    }
                }
                return null;
            }

            @Override
            public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
                List<ConfigProblem> out = new ArrayList<>();
                all.forEach(s -> out.addAll(s.unknownKeys(prefix, known)));
                return out;
            }

            @Override
            public String toString() {
                return "ConfigSource" + all;
            }
        };
    }

    /** "unknown key", with the closest known key when one is close enough to be the intended one. */
    static String unknown(String name, Collection<String> known) {
        return closest(name, known).map(best -> "unknown key, probably a typo: did you mean " + best + "?")
                .orElse("unknown key, probably a typo (the adapter does not read it)");
    }

    /** The known name closest to {@code name}, when it is close enough to be the one meant. */
    static java.util.Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String n = normalize(name);
        for (String k : known) {
            int d = distance(n, normalize(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, n.length() / 6);
        return best != null && bestDistance <= allowed ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    /** Case and separators do not tell keys apart for suggestions: {@code base_url} is meant as {@code baseUrl}. */
    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[._\\-]", "");
    }

    /** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
