package dev.deskassist.core.config;

import dev.deskassist.core.config.internal.LocatedJson;
import dev.deskassist.core.config.internal.SchemaValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON Schema (draft 2020-12) of one configuration file format, published in this jar under
 * {@code dev/deskassist/core/config/schema/<name>.schema.json}, and the check of a file against it:
 * every problem at once, each with file, line, column, JSON pointer, what was expected and, for
 * an unknown key, the closest allowed one ("did you mean `weight`?"). The loaders
 * ({@code Taxonomy}, {@code PriorityPolicy}, {@code GuardrailPolicy}, {@code WriteBackPolicy},
 * {@code SensitivityPolicy}) check against their schema before they read a value.
 *
 * <pre>{@code
 * List<ConfigFileProblem> problems = ConfigSchema.TAXONOMY.validate(Path.of("taxonomy.json"));
 * }</pre>
 */
public final class ConfigSchema {

    /** Categories, their routing groups and keyword/pattern rules ({@code taxonomy.json}). */
    public static final ConfigSchema TAXONOMY = new ConfigSchema("taxonomy");
    /** Priority cues and points ({@code priority-policy.json}). */
    public static final ConfigSchema PRIORITY_POLICY = new ConfigSchema("priority-policy");
    /** Reply guardrails: approval categories, forbidden phrases ({@code guardrail-policy.json}). */
    public static final ConfigSchema GUARDRAIL_POLICY = new ConfigSchema("guardrail-policy");
    /** What may be written into tickets ({@code writeback-policy.json}). */
    public static final ConfigSchema WRITEBACK_POLICY = new ConfigSchema("writeback-policy");
    /** Which tickets stay away from general-purpose models ({@code sensitivity-policy.json}). */
    public static final ConfigSchema SENSITIVITY_POLICY = new ConfigSchema("sensitivity-policy");
    /** A knowledge-base article or macro as a JSON file ({@code kb/*.json}; one object or an array of them). */
    public static final ConfigSchema KB_ARTICLE = new ConfigSchema("kb-article");

    private static final List<ConfigSchema> ALL = List.of(TAXONOMY, PRIORITY_POLICY, GUARDRAIL_POLICY,
            WRITEBACK_POLICY, SENSITIVITY_POLICY, KB_ARTICLE);

    private final String name;
    private volatile JsonObject schema;

    private ConfigSchema(String name) {
        this.name = name;
    }

    /** Every published schema. */
    public static List<ConfigSchema> all() {
        return ALL;
    }

    /** The format's name, e.g. {@code taxonomy}; also the schema file's base name. */
    public String name() {
        return name;
    }

    /** The class-path resource holding the schema. */
    public String resource() {
        return "/dev/deskassist/core/config/schema/" + name + ".schema.json";
    }

    /** The schema document itself. */
    public JsonObject schema() {
        JsonObject s = schema;
        if (s == null) {
            try (InputStream in = ConfigSchema.class.getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException("schema " + resource() + " is missing from the jar");
                }
                try (JsonReader r = Json.createReader(in)) {
                    s = r.readObject();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource(), e);
            }
            schema = s;
        }
        return s;
    }

    /**
     * Every property name the schema declares, at any depth (without {@code $comment}); a
     * documentation page for the format should mention each one.
     */
    public Set<String> propertyNames() {
        Set<String> out = new TreeSet<>();
        collect(schema(), out);
        out.remove("$comment");
        return out;
    }

    private static void collect(JsonValue v, Set<String> out) {
        if (v instanceof JsonObject o) {
            if (o.get("properties") instanceof JsonObject props) {
                out.addAll(props.keySet());
            }
            o.values().forEach(c -> collect(c, out));
        } else if (v != null && v.getValueType() == JsonValue.ValueType.ARRAY) {
            v.asJsonArray().forEach(c -> collect(c, out));
        }
    }

    /** Every problem of the JSON text; {@code source} names the file in them. Empty when the text is valid. */
    public List<ConfigFileProblem> validate(String json, String source) {
        LocatedJson.Result parsed = LocatedJson.parse(Objects.requireNonNull(json, "json"), source);
        if (parsed.root() == null) {
            return parsed.problems();
        }
        List<ConfigFileProblem> out = new ArrayList<>(parsed.problems());
        out.addAll(SchemaValidator.validate(schema(), parsed.root(), source));
        out.sort(java.util.Comparator.comparingInt(ConfigFileProblem::line).thenComparingInt(ConfigFileProblem::column));
        return List.copyOf(out);
    }

    /** Every problem of a file: missing or unreadable files are problems too. */
    public List<ConfigFileProblem> validate(Path file) {
        String text;
        try {
            text = read(file);
        } catch (ConfigFileException e) {
            return e.problems();
        }
        return validate(text, file.toString());
    }

    /**
     * Throws {@code exception.apply(problems)} when the text has any problem; the loaders pass
     * their own exception type.
     */
    public <E extends RuntimeException> void requireValid(String json, String source,
                                                          Function<List<ConfigFileProblem>, E> exception) {
        List<ConfigFileProblem> problems = validate(json, source);
        if (!problems.isEmpty()) {
            throw exception.apply(problems);
        }
    }

    /** A file's text as UTF-8, or a {@link ConfigFileException} saying it is missing or unreadable. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(List.of(ConfigFileProblem.ofFile(file.toString(), "file not found")), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigFileException(List.of(ConfigFileProblem.ofFile(file.toString(), "not UTF-8 text")), e);
        } catch (IOException e) {
            throw new ConfigFileException(List.of(ConfigFileProblem.ofFile(file.toString(),
                    "cannot be read (" + e.getClass().getSimpleName() + "); check that it is a readable file")), e);
        }
    }

    @Override
    public String toString() {
        return "ConfigSchema[" + name + "]";
    }
}
