package dev.deskassist.examples.config;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.core.config.ConfigSchema;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseException;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LoadProblem;
import dev.deskassist.core.encoder.IntentModelFiles;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataException;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.serve.ServeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's whole setup in one directory: {@code deskassist.properties} (helpdesk connections,
 * pipeline, store, server, engine per skill, pseudonymization), {@code taxonomy.json}, the intent
 * model ({@code model.bin}, or {@code training.jsonl} to train at start), the {@code kb/} folder and
 * the priority, guardrail, write-back and sensitivity policies. Secrets are never in the files: a
 * file names the environment variable that holds each one ({@code zendesk.apiToken.env=ZENDESK_API_TOKEN}).
 *
 * <p>{@link #check} reports every problem at once, each with its file and line/column or key and
 * what to do; {@link #load} gives an immutable {@link Setup} or throws a {@link ConfigFileException}
 * listing them all, so that nothing starts half-configured.
 *
 * <pre>{@code
 * List<ConfigFileProblem> problems = ConfigDirectory.check(Path.of("acme"), System.getenv());
 * Setup setup = ConfigDirectory.load(Path.of("acme"), System.getenv());
 * try (AssistEngines engines = setup.engines(AuditSink.NONE)) { ... engines.deskAssist() ... }
 * }</pre>
 */
public final class ConfigDirectory {

    /** The properties file every directory has. */
    public static final String PROPERTIES = "deskassist.properties";

    /** What a command needs from the directory. */
    public enum Scope {
        /** Everything: helpdesk connections, server, pipeline and store too ({@code serve}, {@code replay}). */
        FULL,
        /** Only what the engines need: files, engines, pseudonymization ({@code demo}, {@code simulate}, {@code train}, {@code evaluate}). */
        ENGINES
    }

    /** A file the directory holds: its key in {@code deskassist.properties} and its default name. */
    public enum File {
        TAXONOMY("deskassist.taxonomy", "taxonomy.json"),
        MODEL("deskassist.model", "model.bin"),
        TRAINING_DATA("deskassist.trainingData", "training.jsonl"),
        KNOWLEDGE_BASE("deskassist.knowledgeBase", "kb"),
        PRIORITY_POLICY("deskassist.priorityPolicy", "priority-policy.json"),
        GUARDRAIL_POLICY("deskassist.guardrailPolicy", "guardrail-policy.json"),
        WRITEBACK_POLICY("deskassist.writeBackPolicy", "writeback-policy.json"),
        SENSITIVITY_POLICY("deskassist.sensitivityPolicy", "sensitivity-policy.json");

        private final String key;
        private final String defaultName;

        File(String key, String defaultName) {
            this.key = key;
            this.defaultName = defaultName;
        }

        public String key() {
            return key;
        }

        public String defaultName() {
            return defaultName;
        }
    }

    /** Names (below a helpdesk's prefix) of the keys that hold secrets. */
    static final Set<String> HELPDESK_SECRETS = HelpdeskConfig.SECRET_KEYS;
    /** Engine keys read here (besides the helpdesks' and {@code ServeSettings}' ones). */
    static final Set<String> ENGINE_KEYS = Set.of("engine.triage", "engine.draft", "engine.summary", "engine.timeout",
            "openai.baseUrl", "openai.model", "openai.apiKey", "anthropic.baseUrl", "anthropic.model", "anthropic.apiKey",
            "private.provider", "private.baseUrl", "private.model", "private.apiKey", "privacy.businessNumbers");
    /** The keys naming the directory's files, in {@link File} order. */
    private static final Set<String> FILE_KEYS = java.util.Arrays.stream(File.values()).map(File::key)
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    private static final List<String> PREFIXES = List.of("deskassist", "zendesk", "freshdesk", "servicenow", "engine",
            "openai", "anthropic", "private", "privacy");
    private static final Pattern LINE = Pattern.compile("^(\\S+) line (\\d+) \\((.*)\\)$");

    private ConfigDirectory() {
    }

    /** Whether a full key holds a secret, which must come from an environment variable. */
    public static boolean isSecret(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String prefix = key.substring(0, dot);
        String name = key.substring(dot + 1);
        return (ServeSettings.HELPDESKS.contains(prefix) && HELPDESK_SECRETS.contains(name))
                || (List.of("openai", "anthropic", "private").contains(prefix) && name.equals("apiKey"));
    }

    /** Every problem of the directory, for every command ({@link Scope#FULL}); empty when it is ready. */
    public static List<ConfigFileProblem> check(Path dir, Map<String, String> env) {
        return check(dir, env, Scope.FULL);
    }

    /** Every problem of the directory as far as {@code scope} needs it; empty when it is ready. */
    public static List<ConfigFileProblem> check(Path dir, Map<String, String> env, Scope scope) {
        return new Pass(dir, env, scope, Clock.systemUTC()).run().problems;
    }

    /** The whole setup ({@link Scope#FULL}). @throws ConfigFileException listing every problem */
    public static Setup load(Path dir, Map<String, String> env) {
        return load(dir, env, Scope.FULL, Clock.systemUTC());
    }

    /**
     * The setup as far as {@code scope} needs it; trains the intent model when the directory holds
     * training data instead of a model.
     *
     * @throws ConfigFileException listing every problem; nothing is half-loaded
     */
    public static Setup load(Path dir, Map<String, String> env, Scope scope, Clock clock) {
        Pass pass = new Pass(dir, env, scope, clock).run();
        if (!pass.problems.isEmpty()) {
            throw new ConfigFileException(pass.problems);
        }
        return pass.setup();
    }

    /**
     * The directory's settings as the commands read them (environment over
     * {@code deskassist.properties}, secrets from the variables it names, the store and audit paths
     * relative to the directory) without checking or loading its files: for tools that need one
     * value, such as {@code dead-letters} the data directory.
     *
     * @throws ConfigFileException when the directory or its properties file is missing or unreadable
     */
    public static ConfigSource source(Path dir, Map<String, String> env) {
        Pass pass = new Pass(dir, env, Scope.ENGINES, Clock.systemUTC());
        if (!Files.isDirectory(dir)) {
            throw new ConfigFileException(List.of(ConfigFileProblem.ofFile(dir.toString(), "is not a directory")));
        }
        pass.readProperties();
        if (!pass.problems.isEmpty()) {
            throw new ConfigFileException(pass.problems);
        }
        return ConfigSource.layered(ConfigSource.environment(env), new SecretSource(pass.fileSource, env, Set.of(), dir));
    }

    /**
     * Where a file of the directory is ({@code deskassist.properties} or its default name, relative
     * to the directory) without loading anything: for {@code train --config}, whose model need not
     * exist yet.
     *
     * @throws ConfigFileException when the directory or its properties file is missing or unreadable
     */
    public static Path path(Path dir, Map<String, String> env, File file) {
        ConfigSource source = source(dir, env);
        String name = ConfigValues.optional(source::get, file.key()).orElse(file.defaultName());
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            throw new ConfigFileException(List.of(new ConfigFileProblem(PROPERTIES, 0, 0, file.key(),
                    "is not a file system path")));
        }
    }

    /**
     * A problem with a property key, placed where the key was found: file and line for
     * {@code deskassist.properties line 4 (key)}, the origin as it is for an environment variable,
     * else {@code deskassist.properties} itself.
     */
    static ConfigFileProblem atOrigin(String key, String origin, String message) {
        String pointer = key == null ? "" : key;
        if (origin == null) {
            return new ConfigFileProblem(PROPERTIES, 0, 0, pointer, message);
        }
        Matcher m = LINE.matcher(origin);
        return m.matches() ? new ConfigFileProblem(m.group(1), Integer.parseInt(m.group(2)), 0, pointer, message)
                : new ConfigFileProblem(origin, 0, 0, pointer, message);
    }

    /** One check of a directory, collecting problems and the values loaded on the way. */
    static final class Pass {
        final Path dir;
        final Map<String, String> env;
        final Scope scope;
        final Clock clock;
        final List<ConfigFileProblem> problems = new ArrayList<>();
        final Set<String> unsetSecrets = new LinkedHashSet<>();
        Properties properties = new Properties();
        ConfigSource fileSource = ConfigSource.of(new Properties());
        ConfigSource source;
        ServeSettings serve;
        EngineSettings engines;
        Taxonomy taxonomy;
        String taxonomyText;
        PriorityPolicy priority;
        GuardrailPolicy guardrail;
        String guardrailText;
        WriteBackPolicy writeBack;
        String writeBackText;
        SensitivityPolicy sensitivity;
        String sensitivityText;
        CalibratedIntentModel model;
        TrainingData trainingData;
        KnowledgeBase kb;

        Pass(Path dir, Map<String, String> env, Scope scope, Clock clock) {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
            this.scope = Objects.requireNonNull(scope, "scope");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        Pass run() {
            if (!Files.isDirectory(dir)) {
                problems.add(ConfigFileProblem.ofFile(dir.toString(), Files.exists(dir)
                        ? "is not a directory" : "directory not found; create one with `deskassist init " + dir + "`"));
                return this;
            }
            readProperties();
            Set<String> extraKnown = new LinkedHashSet<>(ENGINE_KEYS);
            extraKnown.addAll(FILE_KEYS);
            source = ConfigSource.layered(ConfigSource.environment(env), new SecretSource(fileSource, env, extraKnown, dir));
            secrets();
            unknownKeys();
            if (scope == Scope.FULL) {
                try {
                    serve = ServeSettings.from(source);
                } catch (AdapterConfigException e) {
                    e.problems().stream().filter(p -> p.key() == null || !unsetSecrets.contains(p.key()))
                            .forEach(this::property);
                }
            }
            engines = engines();
            files();
            new CrossChecks(this).run();
            return this;
        }

        Setup setup() {
            CalibratedIntentModel m = model;
            Duration trainTime = Duration.ZERO;
            if (m == null) {
                long t0 = System.nanoTime();
                m = new IntentTrainer(TrainerConfig.defaults()).train(trainingData).model();
                trainTime = Duration.ofNanos(System.nanoTime() - t0);
            }
            Map<File, Path> files = new java.util.EnumMap<>(File.class);
            for (File f : File.values()) {
                files.put(f, path(f));
            }
            return new Setup(dir, Optional.ofNullable(serve), source, engines, taxonomy, m, trainTime,
                    Optional.ofNullable(trainingData), kb, priority, guardrail, writeBack, sensitivity, clock, files);
        }

        // ---- deskassist.properties

        private void readProperties() {
            Path file = dir.resolve(PROPERTIES);
            if (!Files.isRegularFile(file)) {
                problems.add(ConfigFileProblem.ofFile(PROPERTIES, Files.exists(file) ? "is not a file"
                        : "file not found in " + dir + "; create it (`deskassist init` writes a commented one)"));
                return;
            }
            try {
                fileSource = ConfigSource.fromFile(file);
                try (var in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
            } catch (AdapterConfigException e) {
                e.problems().forEach(p -> problems.add(ConfigFileProblem.ofFile(PROPERTIES, p.message())));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(ConfigFileProblem.ofFile(PROPERTIES, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            }
        }

        private void secrets() {
            for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                if (isSecret(key)) {
                    property(new ConfigProblem(key, fileSource.origin(key), "a secret must not be written in a file: "
                            + "remove the value, set " + key + SecretSource.ENV_SUFFIX + "=VARIABLE_NAME and put the "
                            + "secret in that environment variable"));
                } else if (key.endsWith(SecretSource.ENV_SUFFIX)) {
                    String secretKey = key.substring(0, key.length() - SecretSource.ENV_SUFFIX.length());
                    String variable = properties.getProperty(key).strip();
                    if (!isSecret(secretKey)) {
                        property(new ConfigProblem(key, fileSource.origin(key), "only secrets are read from environment "
                                + "variables named in the file; " + secretKey + " is not a secret key"
                                + ConfigChecks.suggestion(secretKey, allSecretKeys()).map(s -> " (did you mean "
                                        + s + SecretSource.ENV_SUFFIX + "?)").orElse("")));
                    } else if (!SecretSource.VARIABLE.matcher(variable).matches()) {
                        property(new ConfigProblem(key, fileSource.origin(key), "must name an environment variable "
                                + "(letters, digits and '_'), not hold the secret itself"));
                    } else if ((env.get(variable) == null || env.get(variable).isBlank()) && needed(secretKey)) {
                        unsetSecrets.add(secretKey);
                        property(new ConfigProblem(key, fileSource.origin(key), "environment variable " + variable
                                + " is not set; export it with the " + secretKey + " value before starting"));
                    }
                }
            }
        }

        /** Helpdesk secrets matter only to commands that connect to the helpdesk. */
        private boolean needed(String secretKey) {
            return scope == Scope.FULL || !ServeSettings.HELPDESKS.contains(secretKey.substring(0, secretKey.indexOf('.')));
        }

        private static Set<String> allSecretKeys() {
            Set<String> out = new LinkedHashSet<>();
            ServeSettings.HELPDESKS.forEach(h -> HELPDESK_SECRETS.forEach(s -> out.add(h + "." + s)));
            List.of("openai", "anthropic", "private").forEach(p -> out.add(p + ".apiKey"));
            return out;
        }

        private void unknownKeys() {
            for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                int dot = key.indexOf('.');
                String prefix = dot < 0 ? key : key.substring(0, dot);
                if (!PREFIXES.contains(prefix)) {
                    property(new ConfigProblem(key, fileSource.origin(key), "unknown key"
                            + ConfigChecks.suggestion(prefix, PREFIXES).map(s -> ", probably a typo: did you mean "
                                    + s + key.substring(prefix.length()) + "?").orElse(" (known prefixes: "
                                    + String.join(", ", PREFIXES) + ")")));
                }
            }
            Set<String> known = new LinkedHashSet<>(ENGINE_KEYS);
            known.addAll(allSecretKeys().stream().filter(k -> ENGINE_KEYS.contains(k)).map(k -> k + SecretSource.ENV_SUFFIX)
                    .toList());
            for (String prefix : List.of("engine", "openai", "anthropic", "private", "privacy")) {
                fileSource.unknownKeys(prefix, known).forEach(this::property);
            }
            if (scope == Scope.ENGINES) {
                // serve's own keys are checked by ServeSettings in the full scope; here only the file keys
                fileSource.unknownKeys("deskassist", FILE_KEYS).stream()
                        .filter(p -> p.key() != null && ConfigChecks.suggestion(p.key(), FILE_KEYS).isPresent())
                        .forEach(this::property);
            }
        }

        /** A problem with a property key, placed in the file when it was found there. */
        void property(ConfigProblem p) {
            problems.add(atOrigin(p.key(), p.origin(), p.message()));
        }

        // ---- engines

        private EngineSettings engines() {
            String triage = engine("engine.triage", false);
            String draft = engine("engine.draft", true);
            String summary = engine("engine.summary", true);
            Optional<EngineSettings.Endpoint> openai = Optional.empty();
            Optional<EngineSettings.Endpoint> anthropic = Optional.empty();
            Set<String> used = new java.util.HashSet<>(List.of(triage, draft, summary));
            if (used.contains("openai")) {
                openai = endpoint("openai", "openai", null);
            }
            if (used.contains("anthropic")) {
                anthropic = endpoint("anthropic", "anthropic", "https://api.anthropic.com");
            }
            Optional<EngineSettings.Endpoint> privateEndpoint = Optional.empty();
            Optional<String> privateProvider = ConfigValues.optional(source::get, "private.provider");
            if (privateProvider.isPresent()) {
                String p = privateProvider.get().toLowerCase(Locale.ROOT);
                if (!p.equals("openai") && !p.equals("anthropic")) {
                    property(new ConfigProblem("private.provider", source.origin("private.provider"),
                            "must be openai (any OpenAI-compatible API) or anthropic"));
                } else {
                    privateEndpoint = endpoint("private", p, null);
                }
            }
            Duration timeout = Duration.ofSeconds(60);
            try {
                timeout = ConfigValues.duration(source::get, "engine.timeout", timeout);
            } catch (AdapterConfigException e) {
                e.problems().forEach(p -> property(p.withOrigin(source.origin("engine.timeout"))));
            }
            boolean businessNumbers = true;
            Optional<String> bn = ConfigValues.optional(source::get, "privacy.businessNumbers");
            if (bn.isPresent()) {
                if (!bn.get().equalsIgnoreCase("true") && !bn.get().equalsIgnoreCase("false")) {
                    property(new ConfigProblem("privacy.businessNumbers", source.origin("privacy.businessNumbers"),
                            "must be true or false"));
                } else {
                    businessNumbers = Boolean.parseBoolean(bn.get().toLowerCase(Locale.ROOT));
                }
            }
            return new EngineSettings(triage, draft, summary, openai, anthropic, privateEndpoint, timeout,
                    businessNumbers);
        }

        private String engine(String key, boolean mayBeOff) {
            String v = ConfigValues.optional(source::get, key).orElse("offline").toLowerCase(Locale.ROOT);
            List<String> allowed = mayBeOff ? EngineSettings.ENGINES : EngineSettings.ENGINES.subList(0, 3);
            if (!allowed.contains(v)) {
                property(new ConfigProblem(key, source.origin(key), "must be one of " + String.join(", ", allowed)
                        + ConfigChecks.suggestion(v, allowed).map(s -> " (did you mean " + s + "?)").orElse("")));
                return "offline";
            }
            return v;
        }

        private Optional<EngineSettings.Endpoint> endpoint(String prefix, String provider, String defaultUrl) {
            String urlKey = prefix + ".baseUrl";
            String url = ConfigValues.optional(source::get, urlKey).orElse(defaultUrl);
            boolean ok = true;
            if (url == null) {
                property(new ConfigProblem(urlKey, null, "missing: the API's base URL, e.g. https://api.openai.com/v1 "
                        + "or http://localhost:11434/v1"));
                ok = false;
            } else if (okhttp3.HttpUrl.parse(url) == null) {
                property(new ConfigProblem(urlKey, source.origin(urlKey), "must be an absolute http(s) URL"));
                ok = false;
            }
            Optional<String> model = ConfigValues.optional(source::get, prefix + ".model");
            if (model.isEmpty()) {
                property(new ConfigProblem(prefix + ".model", null, "missing: the model name"));
                ok = false;
            }
            String keyName = prefix + ".apiKey";
            String apiKey = source.get(keyName);
            boolean named = fileSource.get(keyName + SecretSource.ENV_SUFFIX) != null;
            if (apiKey == null && !prefix.equals("private") && !named) {
                property(new ConfigProblem(keyName + SecretSource.ENV_SUFFIX, null, "missing: name the environment "
                        + "variable holding the API key, e.g. " + keyName + SecretSource.ENV_SUFFIX + "="
                        + prefix.toUpperCase(Locale.ROOT) + "_API_KEY"));
                ok = false;
            }
            return ok && apiKey != null || ok && prefix.equals("private")
                    ? Optional.of(new EngineSettings.Endpoint(provider, url, model.get(), apiKey)) : Optional.empty();
        }

        // ---- files

        Path path(File f) {
            String name = ConfigValues.optional(source::get, f.key()).orElse(f.defaultName());
            try {
                return dir.resolve(name);
            } catch (InvalidPathException e) {
                property(new ConfigProblem(f.key(), source.origin(f.key()), "is not a file system path"));
                return null;
            }
        }

        String name(File f) {
            Path p = path(f);
            return p == null ? f.defaultName() : display(p);
        }

        String display(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            Path base = dir.toAbsolutePath().normalize();
            return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : p.toString();
        }

        private void files() {
            taxonomyText = text(File.TAXONOMY);
            if (taxonomyText != null) {
                taxonomy = parse(() -> Taxonomy.parse(taxonomyText, name(File.TAXONOMY)));
            }
            String priorityText = text(File.PRIORITY_POLICY);
            if (priorityText != null) {
                priority = parse(() -> PriorityPolicy.parse(priorityText, name(File.PRIORITY_POLICY)));
            }
            guardrailText = text(File.GUARDRAIL_POLICY);
            if (guardrailText != null) {
                guardrail = parse(() -> GuardrailPolicy.parse(guardrailText, name(File.GUARDRAIL_POLICY)));
            }
            writeBackText = text(File.WRITEBACK_POLICY);
            if (writeBackText != null) {
                writeBack = parse(() -> WriteBackPolicy.fromJson(writeBackText, name(File.WRITEBACK_POLICY)));
            }
            sensitivityText = text(File.SENSITIVITY_POLICY);
            if (sensitivityText != null) {
                sensitivity = parse(() -> SensitivityPolicy.parse(sensitivityText, name(File.SENSITIVITY_POLICY)));
            }
            model();
            knowledgeBase();
        }

        private String text(File f) {
            Path p = path(f);
            if (p == null) {
                return null;
            }
            if (!Files.isRegularFile(p)) {
                problems.add(ConfigFileProblem.ofFile(display(p), (Files.exists(p) ? "is not a file" : "file not found")
                        + " (" + f.key() + "); create it or copy it from `deskassist init`"));
                return null;
            }
            try {
                return ConfigSchema.read(p);
            } catch (ConfigFileException e) {
                e.problems().forEach(x -> problems.add(ConfigFileProblem.ofFile(display(p), x.message())));
                return null;
            }
        }

        private <T> T parse(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigFileProblem(null, 0, 0, "", e.getMessage()));
            }
            return null;
        }

        private void model() {
            boolean modelNamed = ConfigValues.optional(source::get, File.MODEL.key()).isPresent();
            boolean trainingNamed = ConfigValues.optional(source::get, File.TRAINING_DATA.key()).isPresent();
            Path modelPath = path(File.MODEL);
            Path trainingPath = path(File.TRAINING_DATA);
            if (modelNamed && trainingNamed) {
                property(new ConfigProblem(File.TRAINING_DATA.key(), source.origin(File.TRAINING_DATA.key()),
                        "set either " + File.MODEL.key() + " or " + File.TRAINING_DATA.key() + ", not both"));
                return;
            }
            boolean useModel = modelNamed || (!trainingNamed && modelPath != null && Files.exists(modelPath));
            if (useModel) {
                if (modelPath == null) {
                    return;
                }
                try {
                    model = IntentModelFiles.load(modelPath);
                } catch (IOException e) {
                    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    String shown = display(modelPath);
                    // the loader names the file itself; keep one name
                    msg = msg.startsWith(modelPath.toString() + ": ") ? msg.substring(modelPath.toString().length() + 2)
                            : msg.replace(modelPath.toString(), shown);
                    problems.add(ConfigFileProblem.ofFile(shown, msg + " (" + File.MODEL.key() + ")"));
                }
                return;
            }
            if (trainingPath == null) {
                return;
            }
            if (!Files.isRegularFile(trainingPath)) {
                problems.add(ConfigFileProblem.ofFile(display(trainingPath), "file not found: the directory needs an "
                        + "intent model (" + File.MODEL.key() + ", default model.bin) or training data ("
                        + File.TRAINING_DATA.key() + ", default training.jsonl)"));
                return;
            }
            try {
                trainingData = TrainingDataReader.defaults().read(trainingPath);
            } catch (TrainingDataException e) {
                problems.add(new ConfigFileProblem(display(trainingPath), (int) e.line(), 0, "",
                        e.getMessage().replace(trainingPath.toString(), display(trainingPath))));
            } catch (java.io.UncheckedIOException e) {
                problems.add(ConfigFileProblem.ofFile(display(trainingPath), "cannot be read"));
            }
        }

        private void knowledgeBase() {
            Path folder = path(File.KNOWLEDGE_BASE);
            if (folder == null) {
                return;
            }
            if (!Files.isDirectory(folder)) {
                problems.add(ConfigFileProblem.ofFile(display(folder), "knowledge-base folder not found ("
                        + File.KNOWLEDGE_BASE.key() + "); create it with Markdown or JSON articles"));
                return;
            }
            try {
                kb = KnowledgeBaseLoader.withClock(clock).load(folder);
            } catch (KnowledgeBaseException e) {
                problems.add(ConfigFileProblem.ofFile(display(folder), e.reason()));
                return;
            }
            String base = display(folder);
            // JSON entries are checked against their schema too, for places and suggestions; the
            // loader's own complaint about such a file would say the same thing less exactly
            Set<String> schemaFailed = new java.util.HashSet<>();
            try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(x -> x.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted().toList()) {
                    String rel = folder.relativize(f).toString().replace('\\', '/');
                    String text;
                    try {
                        text = ConfigSchema.read(f);
                    } catch (ConfigFileException e) {
                        continue; // the loader reports unreadable files
                    }
                    List<ConfigFileProblem> found = ConfigSchema.KB_ARTICLE.validate(text, base + "/" + rel);
                    if (!found.isEmpty()) {
                        schemaFailed.add(rel);
                        problems.addAll(found);
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(ConfigFileProblem.ofFile(base, "cannot list the folder (" + e.getClass().getSimpleName() + ")"));
            }
            for (LoadProblem p : kb.report().problems()) {
                if (p.kind() == LoadProblem.Kind.REJECTED && !schemaFailed.contains(p.file())) {
                    problems.add(new ConfigFileProblem(base + "/" + p.file(), p.line(), 0, "", p.message()));
                }
            }
        }

        List<HelpdeskConfig> helpdesks() {
            return serve == null ? List.of() : serve.helpdesks().stream().map(serve::helpdeskConfig).toList();
        }
    }
}
