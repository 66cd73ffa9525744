package dev.deskassist.examples.config;

import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.core.config.JsonPointers;
import dev.deskassist.core.draft.kb.Article;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.writeback.Output;
import dev.deskassist.core.writeback.WriteMode;
import dev.deskassist.examples.config.ConfigDirectory.File;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks across files: every category id a policy, article or intent model names is in the
 * taxonomy; every group the taxonomy routes to is in each helpdesk's {@code groupIds}; every
 * helpdesk field the write-back policy writes is in each helpdesk's {@code fieldIds}. Each of
 * these fails silently at run time (a rule that never fires, a value that is never written), so
 * each is a problem here, placed where the name is written.
 */
final class CrossChecks {

    /** Outputs that write a helpdesk field of the same name when AUTO. */
    private static final List<Output> FIELD_OUTPUTS = List.of(Output.CATEGORY, Output.LANGUAGE, Output.SENTIMENT,
            Output.ESCALATION, Output.SUMMARY);

    private final ConfigDirectory.Pass pass;

    CrossChecks(ConfigDirectory.Pass pass) {
        this.pass = pass;
    }

    void run() {
        if (pass.taxonomy == null) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        pass.taxonomy.categories().forEach(c -> ids.add(c.id()));
        String taxonomyName = pass.name(File.TAXONOMY);
        if (pass.guardrail != null) {
            categoryList(pass.guardrailText, pass.name(File.GUARDRAIL_POLICY), "/approvalCategories", ids, taxonomyName);
        }
        if (pass.writeBack != null) {
            categoryList(pass.writeBackText, pass.name(File.WRITEBACK_POLICY), "/publicReply/categories", ids,
                    taxonomyName);
            categoryOverrides(pass.name(File.WRITEBACK_POLICY), ids, taxonomyName);
        }
        if (pass.sensitivity != null) {
            categoryList(pass.sensitivityText, pass.name(File.SENSITIVITY_POLICY), "/categories", ids, taxonomyName);
        }
        if (pass.kb != null) {
            String kbName = pass.name(File.KNOWLEDGE_BASE);
            for (Article a : pass.kb.articles()) {
                for (String c : a.categories()) {
                    if (!containsIgnoreCase(ids, c)) {
                        pass.problems.add(new ConfigFileProblem(kbName + "/" + a.source(), 0, 0, "categories",
                                "article `" + a.id() + "` names category `" + c + "`, which " + taxonomyName
                                        + " does not define" + hint(c, ids)));
                    }
                }
            }
        }
        Set<String> labels = pass.model != null ? pass.model.labels()
                : pass.trainingData != null ? pass.trainingData.labels() : Set.of();
        String labelsFile = pass.model != null ? pass.name(File.MODEL) : pass.name(File.TRAINING_DATA);
        for (String label : new TreeSet<>(labels)) {
            if (!ids.contains(label)) {
                pass.problems.add(new ConfigFileProblem(labelsFile, 0, 0, "", "label `" + label + "` is not a category "
                        + "id in " + taxonomyName + hint(label, ids) + "; the classifier would predict a category "
                        + "no policy or route knows (rename the label and retrain, or add the category)"));
            }
        }
        for (HelpdeskConfig h : pass.helpdesks()) {
            groups(h, taxonomyName);
            fields(h);
        }
    }

    private void categoryList(String text, String file, String pointer, Set<String> ids, String taxonomyName) {
        JsonPointers.strings(text, pointer).forEach((at, id) -> {
            if (!containsIgnoreCase(ids, id)) {
                pass.problems.add(JsonPointers.problemAt(text, file, at, "category `" + id + "` is not defined in "
                        + taxonomyName + hint(id, ids) + " (a rule for it never applies)"));
            }
        });
    }

    /** Category overrides of the write-back rules, e.g. {@code /outputs/category/categories/login}. */
    private void categoryOverrides(String file, Set<String> ids, String taxonomyName) {
        for (Output o : Output.values()) {
            for (String id : pass.writeBack.rule(o).categories().keySet()) {
                if (!containsIgnoreCase(ids, id)) {
                    place(pass.writeBackText, file, "/outputs/" + o.key() + "/categories/"
                            + id.replace("~", "~0").replace("/", "~1"), "category `" + id + "` is not defined in "
                            + taxonomyName + hint(id, ids) + " (its override never applies)");
                }
            }
        }
    }

    private void groups(HelpdeskConfig h, String taxonomyName) {
        Map<String, String> groupIds;
        try {
            groupIds = h.groupIds();
        } catch (RuntimeException e) {
            return; // reported with the helpdesk's keys
        }
        boolean writesGroups = pass.writeBack != null && writesAuto(Output.GROUP);
        if (groupIds.isEmpty() && !writesGroups) {
            return;
        }
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(groupIds.keySet());
        String key = h.key("groupIds");
        List<Category> categories = pass.taxonomy.categories();
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            String group = categories.get(i).group();
            if (!known.contains(group) && !group.matches("[1-9][0-9]{0,18}") && reported.add(group)) {
                place(pass.taxonomyText, taxonomyName, "/categories/" + i + "/group", "group `" + group + "` is not in " + key
                        + hint(group, groupIds.keySet()) + "; add " + group + "=<group id> to " + key + " in "
                        + ConfigDirectory.PROPERTIES);
            }
        }
        String fallback = pass.taxonomy.fallbackGroup();
        if (!known.contains(fallback) && reported.add(fallback)) {
            place(pass.taxonomyText, taxonomyName, "/fallbackGroup", "fallback group `" + fallback
                    + "` is not in " + key + "; add " + fallback + "=<group id> to " + key + " in "
                    + ConfigDirectory.PROPERTIES);
        }
    }

    private void fields(HelpdeskConfig h) {
        if (pass.writeBack == null) {
            return;
        }
        Map<String, String> fieldIds;
        try {
            fieldIds = h.fieldIds();
        } catch (RuntimeException e) {
            return; // reported with the helpdesk's keys
        }
        String file = pass.name(File.WRITEBACK_POLICY);
        String key = h.key("fieldIds");
        for (Output o : FIELD_OUTPUTS) {
            if (writesAuto(o) && !fieldIds.containsKey(o.key())) {
                String pointer = "/outputs/" + o.key() + "/mode";
                place(pass.writeBackText, file, pointer, "writes the helpdesk field `" + o.key() + "`, which " + key
                        + " does not map" + (!JsonPointers.exists(pass.writeBackText, pointer) ? " (AUTO is this output's default)" : "")
                        + "; add " + o.key() + "=<field id> to " + key + ", or set the mode to SUGGEST or OFF");
            }
        }
    }

    /** AUTO for some tickets: in the output's rule or in one of its category overrides. */
    private boolean writesAuto(Output o) {
        var rule = pass.writeBack.rule(o);
        return rule.mode() == WriteMode.AUTO
                || rule.categories().values().stream().anyMatch(r -> r.mode() == WriteMode.AUTO);
    }

    private void place(String text, String file, String pointer, String message) {
        pass.problems.add(JsonPointers.problemAt(text, file, pointer, message));
    }

    private static boolean containsIgnoreCase(Set<String> ids, String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return ids.stream().anyMatch(i -> i.toLowerCase(Locale.ROOT).equals(lower));
    }

    private static String hint(String name, java.util.Collection<String> known) {
        return ConfigChecks.suggestion(name, known).map(s -> "; did you mean `" + s + "`?").orElse("");
    }
}
