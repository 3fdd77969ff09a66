package io.eventflow.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, parsed as YAML (no Docker engine here): it keeps to the Compose file format's keys, its env
 * vars map to configuration keys the services read, its ports and healthchecks to the services' configuration, and
 * the JVM flags in the images' Dockerfiles sit only where they apply.
 */
class ComposeFileTest {

    private static final Path ROOT = Devkit.projectRoot();
    /** Keys of the Compose Specification used for a service (a subset of what it allows). */
    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "entrypoint", "command", "environment",
            "ports", "volumes", "configs", "healthcheck", "depends_on", "stop_grace_period", "restart", "user");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "services", "volumes", "configs", "networks",
            "secrets");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries",
            "start_period", "start_interval", "disable");
    private static final Set<String> DEPENDENCY_CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");
    /** Compose services running an Eventflow image, with the module whose configuration they take. */
    private static final Map<String, String> APP_SERVICES = Map.of("publisher", "publisher-mp",
            "subscriber", "subscriber-mp", "worker", "subscriber-mp");

    private static JsonNode compose;
    private static ServiceConfigKeys keys;

    @BeforeAll
    static void parse() throws IOException {
        compose = new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
        keys = ServiceConfigKeys.scan(ROOT);
    }

    @Test
    void keepsToTheComposeFileFormat() {
        assertThat(fieldNames(compose)).isSubsetOf(TOP_LEVEL_KEYS);
        compose.get("services").properties().forEach(service -> {
            JsonNode definition = service.getValue();
            assertThat(fieldNames(definition)).as(service.getKey()).isSubsetOf(SERVICE_KEYS);
            assertThat(definition.has("image") || definition.has("build")).as(service.getKey()).isTrue();
            if (definition.has("healthcheck")) {
                assertThat(fieldNames(definition.get("healthcheck"))).isSubsetOf(HEALTHCHECK_KEYS);
            }
            definition.path("depends_on").properties().forEach(dependency -> {
                assertThat(compose.get("services").has(dependency.getKey())).as("depends on a service").isTrue();
                assertThat(DEPENDENCY_CONDITIONS).contains(dependency.getValue().get("condition").asText());
            });
            definition.path("configs").forEach(config ->
                    assertThat(compose.path("configs").has(config.get("source").asText())).isTrue());
            definition.path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                assertThat(source.startsWith("./") ? Files.exists(ROOT.resolve(source)) : compose.path("volumes")
                        .has(source)).as("volume source " + source).isTrue();
            });
        });
    }

    @Test
    void everyEnvVarOfTheServicesMapsToAConfigKeyTheyRead() {
        List<String> unknown = new ArrayList<>();
        APP_SERVICES.keySet().forEach(service -> environment(service).keySet().stream()
                .filter(var -> keys.keyOf(var).isEmpty()).forEach(var -> unknown.add(service + ": " + var)));

        assertThat(unknown).isEmpty();
    }

    @Test
    void portsAndHealthchecksMatchTheServicesConfiguration() {
        APP_SERVICES.forEach((service, module) -> {
            Properties defaults = ServiceConfigKeys.serviceDefaults(ROOT, module);
            int serverPort = Integer.parseInt(environment(service).getOrDefault("SERVER_PORT",
                    defaults.getProperty("server.port")));
            String healthcheck = String.join(" ", texts(compose.at("/services/" + service + "/healthcheck/test")));

            assertThat(healthcheck).as(service).contains("/dev/tcp/127.0.0.1/" + serverPort + " ")
                    .contains("GET /health/ready ");
            List<Integer> published = texts(compose.at("/services/" + service + "/ports")).stream()
                    .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1))).toList();
            if (!"worker".equals(service)) {
                assertThat(published).as(service + " publishes its HTTP port").contains(serverPort);
            }
            String dashboardPort = environment(service).get("EVENTFLOW_DASHBOARD_PORT");
            published.stream().filter(p -> p != serverPort).forEach(p ->
                    assertThat(String.valueOf(p)).as(service + " publishes only its own ports").isEqualTo(dashboardPort));
        });
    }

    @Test
    void exposesTheDashboardOnlyWithCredentialsAndOnTheHostsLoopback() {
        Map<String, String> subscriber = environment("subscriber");

        assertThat(subscriber).containsEntry("EVENTFLOW_DASHBOARD_HOST", "0.0.0.0")
                .containsKey("EVENTFLOW_DASHBOARD_USERNAME")
                .containsEntry("EVENTFLOW_DASHBOARD_PASSWORD",
                        "${EVENTFLOW_DASHBOARD_PASSWORD:?set a password for the JobRunr dashboard}");
        assertThat(texts(compose.at("/services/subscriber/ports")))
                .contains("127.0.0.1:" + subscriber.get("EVENTFLOW_DASHBOARD_PORT") + ":"
                        + subscriber.get("EVENTFLOW_DASHBOARD_PORT"));
    }

    @Test
    void runsAWorkerOnlyServiceAndCreatesTheTopicsBeforeTheServicesStart() throws IOException {
        assertThat(environment("worker")).containsEntry("MP_CONFIG_PROFILE", "worker")
                .containsEntry("EVENTFLOW_DASHBOARD_ENABLED", "false");
        assertThat(compose.at("/services/worker/build").asText()).isEqualTo("./subscriber-mp");
        assertThat(compose.at("/services/worker/ports").isMissingNode()).isTrue();
        Map<String, String> topics = environment("topics");
        assertThat(topics).containsEntry("TOPICS", "eventflow.events eventflow.events.dlq")
                .containsKeys("PARTITIONS", "REPLICATION_FACTOR", "MIN_INSYNC_REPLICAS");
        String script = Files.readString(ROOT.resolve("helm/eventflow/files/ensure-topics.sh"));
        assertThat(topics.keySet()).allMatch(var -> script.contains("${" + var) || script.contains("$" + var));
        assertThat(texts(compose.at("/services/topics/volumes")))
                .contains("./helm/eventflow/files/ensure-topics.sh:/scripts/ensure-topics.sh:ro");
        for (String service : List.of("publisher", "subscriber")) {
            assertThat(compose.at("/services/" + service + "/depends_on/topics/condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void connectsToPostgresAsAnOwnerRoleThatIsNotASuperuser() {
        String init = compose.at("/configs/postgres-owner-role/content").asText();

        assertThat(init).contains("CREATE ROLE eventflow LOGIN NOSUPERUSER")
                .contains("CREATE DATABASE eventflow OWNER eventflow");
        assertThat(environment("subscriber")).containsEntry("DB_USER", "eventflow");
        assertThat(environment("worker")).containsEntry("DB_USER", "eventflow");
    }

    @Test
    void setsJvmFlagsOnlyWhereTheyApply() throws IOException {
        String publisher = Files.readString(ROOT.resolve("publisher-mp/Dockerfile"));
        String subscriber = Files.readString(ROOT.resolve("subscriber-mp/Dockerfile"));

        assertThat(publisher).contains("-XX:+ExitOnOutOfMemoryError").doesNotContain("ObjectStoreEnvironmentBean");
        assertThat(subscriber).contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-DObjectStoreEnvironmentBean.objectStoreDir=/app/narayana")
                .contains("-DObjectStoreEnvironmentBean.stateStore.objectStoreDir=/app/narayana")
                .contains("-DObjectStoreEnvironmentBean.communicationStore.objectStoreDir=/app/narayana");
        APP_SERVICES.keySet().forEach(service -> assertThat(environment(service)).as(service)
                .doesNotContainKey("JAVA_TOOL_OPTIONS"));
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        compose.at("/services/" + service + "/environment").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
