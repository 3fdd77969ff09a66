package io.eventflow.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Renders and lints the chart under {@code helm/eventflow} with a real helm (helm-java) for one set of values.
 *
 * <p>The chart is copied with the value set merged into its {@code values.yaml}, because helm-java's lint takes no
 * values file. helm-java's template leaves hooks out, as {@code helm install} keeps them apart from the release's
 * manifest; to check the topics hook Job like every other object, the copy renames its {@code helm.sh/hook}
 * annotation to {@value #RENDERED_HOOK} so it lands in the manifest with its spec untouched.
 */
public final class ChartRenderer {

    /** The annotation the topics Job's {@code helm.sh/hook} becomes in the rendered copy. */
    public static final String RENDERED_HOOK = "eventflow.test/helm-hook";
    /** The release name every rendering uses. */
    public static final String RELEASE = "ef";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path chart;

    private ChartRenderer(Path chart) {
        this.chart = chart;
    }

    /** A copy of {@code source} in {@code work} whose values.yaml holds the defaults overlaid with {@code values}. */
    public static ChartRenderer of(Path source, Path work, String values) {
        Path target = work.resolve("eventflow");
        try {
            copy(source, target);
            ObjectNode merged = (ObjectNode) YAML.readTree(source.resolve("values.yaml").toFile());
            JsonNode overlay = YAML.readTree(values);
            if (overlay != null && overlay.isObject()) {
                merge(merged, (ObjectNode) overlay);
            }
            YAML.writeValue(target.resolve("values.yaml").toFile(), merged);
            Path hookJob = target.resolve("templates/topics-job.yaml");
            Files.writeString(hookJob, Files.readString(hookJob).replace("helm.sh/hook:", RENDERED_HOOK + ":"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartRenderer(target);
    }

    /** The manifests of {@code helm template}; fails with helm's message (a {@code fail}, a schema error). */
    public String template(Map<String, Object> sets) {
        var command = new Helm(chart).template().withName(RELEASE).withNamespace("eventflow");
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /** The rendered objects, each parsed strictly into the typed Kubernetes model. */
    public List<HasMetadata> objects() {
        return KubernetesModel.parseAll(template(Map.of()));
    }

    /** {@code helm lint --strict} of the copy (values.schema.json included). */
    public LintResult lintStrict() {
        return new Helm(chart).lint().strict().call();
    }

    /** NOTES.txt as {@code helm install} prints it (client-only dry run). */
    public String notes() {
        String output = new Helm(chart).install().withName(RELEASE).withNamespace("eventflow").clientOnly().dryRun()
                .call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    private static void merge(ObjectNode base, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
