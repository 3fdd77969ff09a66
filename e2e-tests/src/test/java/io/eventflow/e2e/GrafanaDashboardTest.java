package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard shipped with the chart parses, each of its queries asks for metrics the services' code
 * really registers (their names found as string literals in the main sources), and the chart carries it in a
 * ConfigMap only when {@code grafana.dashboard.enabled} is set.
 */
class GrafanaDashboardTest {

    private static final Path ROOT = Devkit.projectRoot();
    private static final Path DASHBOARD = ROOT.resolve("helm/eventflow/dashboards/eventflow.json");
    private static final List<String> SERVICE_MODULES = List.of("publisher-mp", "subscriber-mp", "jobs", "enrichment",
            "web-support", "kafka-support");
    // what Prometheus adds to a registered name: counters _total, timers _seconds with _count/_sum/_max
    private static final Pattern SUFFIX = Pattern.compile("(_total|_seconds_count|_seconds_sum|_seconds_max|_seconds)$");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "rate", "increase", "deriv", "by",
            "without", "on", "ignoring", "histogram_quantile", "quantile", "count", "irate", "le");

    @Test
    void parsesAndQueriesOnlyMetricsTheServicesRegister() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        String code = mainSources();

        Set<String> metrics = new TreeSet<>();
        expressions.forEach(expr -> metrics.addAll(metricNames(expr)));

        assertThat(dashboard.path("title").asText()).isEqualTo("Eventflow");
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(expressions).doesNotContain("");
        assertThat(metrics).contains("events_accepted_total", "events_rejected_total",
                "events_publish_latency_seconds", "kafka_consumer_lag", "jobrunr_jobs", "enrichment_fallbacks_total",
                "eventflow_oldest_unfinished_event_age_seconds", "dead_letter_records");
        for (String metric : metrics) {
            String registered = SUFFIX.matcher(metric).replaceFirst("");
            assertThat(code.contains("\"" + metric + "\"") || code.contains("\"" + registered + "\""))
                    .as("metric %s (registered as %s) is registered in the services' code", metric, registered)
                    .isTrue();
        }
    }

    @Test
    void shipsTheDashboardInAConfigMapOnlyWhenAskedTo() throws IOException {
        Helm chart = new Helm(ROOT.resolve("helm/eventflow"));

        // the chart requires an API-key Secret and a database password
        String without = chart.template().withName("ef").set("database.password", "s3cret")
                .set("apiKeys.existingSecret", "eventflow-api-keys").call();
        String with = new Helm(ROOT.resolve("helm/eventflow")).template().withName("ef")
                .set("database.password", "s3cret").set("apiKeys.existingSecret", "eventflow-api-keys")
                .set("grafana.dashboard.enabled", "true").call();

        assertThat(without).doesNotContain("ef-grafana-dashboard");
        assertThat(with).contains("name: ef-grafana-dashboard").contains("grafana_dashboard: \"1\"")
                .contains("eventflow.json: |-").contains("\"uid\": \"eventflow-overview\"");
    }

    /** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or label values. */
    static Set<String> metricNames(String expr) {
        String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(withoutStrings);
        while (m.find()) {
            String word = m.group();
            boolean label = withoutStrings.startsWith("=", m.end()) || withoutStrings.startsWith("!=", m.end());
            if (!label && !PROMQL.contains(word) && !word.startsWith("$")) {
                names.add(word);
            }
        }
        return names;
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : SERVICE_MODULES) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
