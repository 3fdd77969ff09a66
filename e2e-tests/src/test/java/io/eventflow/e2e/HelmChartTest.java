package io.eventflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import io.eventflow.e2e.deploy.ChartRenderer;
import io.eventflow.e2e.deploy.Manifests;
import io.eventflow.e2e.deploy.RestrictedPodSecurity;
import io.eventflow.e2e.deploy.ServiceConfigKeys;
import io.eventflow.testing.Devkit;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.eventflow.e2e.deploy.Manifests.env;
import static io.eventflow.e2e.deploy.Manifests.envValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Helm chart under helm/eventflow, rendered with a real helm (helm-java) for three value sets - the defaults
 * with the required secrets, the production install shown in the README, a minimal single-broker install - and
 * checked as a cluster would: {@code helm lint --strict}, every object strictly against the Kubernetes API model,
 * every pod against the restricted Pod Security Standard, every env var against the keys the services read, every
 * probe and port against the services' configuration. Rendering only: no cluster runs here.
 */
class HelmChartTest {

    private static final Path ROOT = Devkit.projectRoot();
    private static final Path CHART = ROOT.resolve("helm").resolve("eventflow");
    private static final ServiceConfigKeys KEYS = ServiceConfigKeys.scan(ROOT);
    /** Env vars the JVM reads, not MicroProfile Config. */
    private static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS");
    private static final Map<String, String> SERVICE_MODULES = Map.of(
            "eventflow/publisher-mp", "publisher-mp", "eventflow/subscriber-mp", "subscriber-mp");
    /** The chart's budget for JobRunr to hand back or finish running jobs after SIGTERM. */
    private static final int JOB_DRAIN_SECONDS = 30;

    /** Renderings by value set: most tests look at the same few, and each helm call costs a few hundred ms. */
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final AtomicInteger RENDERINGS = new AtomicInteger();

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("defaults", resource("defaults.yaml")),
                Arguments.of("production (README)", productionValuesFromReadme()),
                Arguments.of("single broker", resource("single-broker.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void lintsStrictlyAndEveryObjectMatchesTheKubernetesApi(String name, String values) {
        ChartRenderer chart = ChartRenderer.of(CHART, work, values);

        LintResult lint = chart.lintStrict();
        Manifests manifests = new Manifests(chart.objects());

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(manifests.objects()).extracting(HasMetadata::getKind)
                .contains("Deployment", "Service", "Job", "ServiceAccount");
        assertThat(manifests.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyPodPassesTheRestrictedPodSecurityStandard(String name, String values) {
        Manifests manifests = render(values);

        assertThat(manifests.podTemplates()).isNotEmpty();
        manifests.podTemplates().forEach((owner, template) -> {
            PodSpec pod = template.getSpec();
            assertThat(RestrictedPodSecurity.violations(pod)).as(owner).isEmpty();
            assertThat(pod.getAutomountServiceAccountToken()).as(owner + " mounts no token").isFalse();
            pod.getContainers().forEach(c -> assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(owner + " read-only root").isTrue());
            // every writable path is an emptyDir the pod declares
            Set<String> emptyDirs = pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null)
                    .map(v -> v.getName()).collect(Collectors.toSet());
            pod.getContainers().forEach(c -> assertThat(c.getVolumeMounts()).extracting(VolumeMount::getName)
                    .as(owner).contains("tmp").allMatch(m -> emptyDirs.contains(m) || m.startsWith("client-")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyEnvVarMapsToAConfigKeyTheServicesRead(String name, String values) {
        Manifests manifests = render(values);
        List<String> unknown = new ArrayList<>();

        manifests.all(Deployment.class).forEach(deployment -> {
            Container container = manifests.container(deployment.getMetadata().getName());
            env(container).keySet().stream()
                    .filter(var -> !JVM_ENV.contains(var) && KEYS.keyOf(var).isEmpty())
                    .forEach(var -> unknown.add(deployment.getMetadata().getName() + ": " + var));
            String jvm = envValue(container, "JAVA_TOOL_OPTIONS");
            assertThat(jvm).as("JVM options of %s", deployment.getMetadata().getName())
                    .contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
            assertNarayanaFlagsOnlyWithJtaAndOnWritableDirs(container, jvm);
        });

        assertThat(unknown).as("env vars that no configuration key of the services maps to").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void probesAndPortsMatchTheServicesConfiguration(String name, String values) {
        Manifests manifests = render(values);

        manifests.all(Deployment.class).forEach(deployment -> {
            String owner = deployment.getMetadata().getName();
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            Container container = manifests.container(owner);
            int http = port(container, "http");
            Properties defaults = ServiceConfigKeys.serviceDefaults(ROOT, module(container));
            String serverPort = env(container).containsKey("SERVER_PORT")
                    ? envValue(container, "SERVER_PORT") : defaults.getProperty("server.port");

            assertThat(http).as(owner + " http port = server.port").isEqualTo(Integer.parseInt(serverPort));
            assertThat(defaults.stringPropertyNames()).as("health stays at Helidon's default place")
                    .noneMatch(k -> k.startsWith("health.") || k.startsWith("server.features.observe"));
            assertProbe(owner, container.getStartupProbe(), "/health/started");
            assertProbe(owner, container.getLivenessProbe(), "/health/live");
            assertProbe(owner, container.getReadinessProbe(), "/health/ready");
            if (env(container).containsKey("EVENTFLOW_DASHBOARD_PORT")) {
                assertThat(port(container, "dashboard")).as(owner + " dashboard port")
                        .isEqualTo(Integer.parseInt(envValue(container, "EVENTFLOW_DASHBOARD_PORT")));
            }
            Map<String, String> annotations = template.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey("prometheus.io/port")) {
                assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(http))
                        .containsEntry("prometheus.io/path", "/metrics");
            }
        });
        manifests.all(Service.class).forEach(service -> {
            List<Deployment> selected = manifests.all(Deployment.class).filter(d -> d.getSpec().getTemplate()
                    .getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(selected).as("Deployments behind Service " + service.getMetadata().getName()).hasSize(1);
            Container container = selected.getFirst().getSpec().getTemplate().getSpec().getContainers().getFirst();
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(port.getPort()).isEqualTo(port(container, port.getTargetPort().getStrVal()));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void gracePeriodsOutlastThePreStopPauseAndThePublishTimeoutOrJobDrain(String name, String values) {
        Manifests manifests = render(values);
        long publishTimeoutSeconds = Long.parseLong(ServiceConfigKeys.serviceDefaults(ROOT, "publisher-mp")
                .getProperty("eventflow.publish.timeout-ms")) / 1000;

        manifests.all(Deployment.class).forEach(deployment -> {
            Container container = manifests.container(deployment.getMetadata().getName());
            List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop.getFirst()).isEqualTo("sleep");
            long pause = Long.parseLong(preStop.get(1));
            long needed = pause + ("publisher".equals(container.getName()) ? publishTimeoutSeconds : JOB_DRAIN_SECONDS);
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as(deployment.getMetadata().getName()).isGreaterThan(needed);
        });
    }

    @Test
    void keepsTheDashboardOffTheServiceByDefault() {
        Manifests manifests = render(resource("defaults.yaml"));
        Container subscriber = manifests.container("ef-subscriber");

        assertThat(manifests.get(Service.class, "ef-subscriber").getSpec().getPorts())
                .extracting(ServicePort::getName).containsExactly("http");
        assertThat(subscriber.getPorts()).extracting(ContainerPort::getName).containsExactly("http");
        assertThat(envValue(subscriber, "EVENTFLOW_DASHBOARD_ENABLED")).isEqualTo("false");
        assertThat(env(subscriber)).doesNotContainKey("EVENTFLOW_DASHBOARD_HOST");
    }

    @Test
    void refusesToExposeTheDashboardWithoutCredentialsFromASecret() {
        ChartRenderer chart = ChartRenderer.of(CHART, work, resource("defaults.yaml"));

        assertThatThrownBy(() -> chart.template(Map.of("subscriber.dashboard.enabled", true)))
                .hasMessageContaining("subscriber.dashboard.enabled needs subscriber.dashboard.existingSecret");
    }

    @Test
    void exposesTheDashboardOnAllInterfacesWithBasicAuthFromTheSecret() {
        ChartRenderer chart = ChartRenderer.of(CHART, work, resource("defaults.yaml") + """
                subscriber:
                  dashboard: {enabled: true, existingSecret: dashboard-login}
                networkPolicy:
                  dashboardFrom: [{namespaceSelector: {matchLabels: {team: ops}}}]
                """);
        Manifests manifests = new Manifests(chart.objects());
        Container subscriber = manifests.container("ef-subscriber");

        assertThat(manifests.get(Service.class, "ef-subscriber").getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort).contains(tuple("dashboard", 8000));
        assertThat(envValue(subscriber, "EVENTFLOW_DASHBOARD_HOST")).isEqualTo("0.0.0.0");
        assertThat(env(subscriber).get("EVENTFLOW_DASHBOARD_USERNAME").getValueFrom().getSecretKeyRef())
                .extracting("name", "key").containsExactly("dashboard-login", "username");
        assertThat(env(subscriber).get("EVENTFLOW_DASHBOARD_PASSWORD").getValueFrom().getSecretKeyRef())
                .extracting("name", "key").containsExactly("dashboard-login", "password");
        NetworkPolicyIngressRule dashboardRule = manifests.get(NetworkPolicy.class, "ef-subscriber").getSpec()
                .getIngress().stream().filter(rule -> rule.getPorts().stream()
                        .anyMatch(p -> "dashboard".equals(p.getPort().getStrVal()))).findFirst().orElseThrow();
        assertThat(dashboardRule.getFrom()).singleElement().satisfies(peer -> assertThat(
                peer.getNamespaceSelector().getMatchLabels()).containsEntry("team", "ops"));
        assertThat(chart.notes()).contains("JobRunr dashboard (basic auth from Secret dashboard-login)");
    }

    @Test
    void namesEveryServiceInItsSpansAndExportsThemOverOtlpOnlyWhenAskedWithAnEndpoint() {
        Manifests defaults = render(resource("defaults.yaml"));
        Manifests otlp = render(resource("defaults.yaml") + """
                tracing: {exporter: otlp, otlp: {endpoint: "http://otel-collector.observability:4318"}}
                """);
        ChartRenderer noEndpoint = ChartRenderer.of(CHART, work, resource("defaults.yaml"));

        for (String service : List.of("publisher", "subscriber", "worker")) {
            Container byDefault = defaults.container("ef-" + service);
            assertThat(envValue(byDefault, "OTEL_SERVICE_NAME")).isEqualTo("eventflow-" + service);
            assertThat(envValue(byDefault, "OTEL_TRACES_EXPORTER")).isEqualTo("none");
            assertThat(env(byDefault)).doesNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
            Container exporting = otlp.container("ef-" + service);
            assertThat(envValue(exporting, "OTEL_TRACES_EXPORTER")).isEqualTo("otlp");
            assertThat(envValue(exporting, "OTEL_EXPORTER_OTLP_ENDPOINT"))
                    .isEqualTo("http://otel-collector.observability:4318");
            assertThat(envValue(exporting, "OTEL_EXPORTER_OTLP_PROTOCOL")).isEqualTo("http/protobuf");
        }
        assertThatThrownBy(() -> noEndpoint.template(Map.of("tracing.exporter", "otlp")))
                .hasMessageContaining("set tracing.otlp.endpoint");
    }

    @Test
    void putsTheSubscriberAndTheWorkersInTheProcessingModeAskedAndRefusesAnUnknownOne() {
        Manifests defaults = render(resource("defaults.yaml"));
        Manifests batched = render(resource("defaults.yaml") + """
                processing: {mode: batched, batchSize: 200, batchConcurrency: 4}
                """);
        ChartRenderer chart = ChartRenderer.of(CHART, work, resource("defaults.yaml"));

        for (String service : List.of("subscriber", "worker")) {
            assertThat(envValue(defaults.container("ef-" + service), "EVENTFLOW_PROCESSING_MODE")).isEqualTo("per-event");
            Container container = batched.container("ef-" + service);
            assertThat(envValue(container, "EVENTFLOW_PROCESSING_MODE")).isEqualTo("batched");
            assertThat(envValue(container, "EVENTFLOW_PROCESSING_BATCH_SIZE")).isEqualTo("200");
            assertThat(envValue(container, "EVENTFLOW_PROCESSING_BATCH_CONCURRENCY")).isEqualTo("4");
        }
        assertThatThrownBy(() -> chart.template(Map.of("processing.mode", "batch")))
                .hasMessageContaining("processing.mode");
    }

    @Test
    void leavesTheWorkerCountToTheProcessingModeUnlessOneIsGiven() {
        Manifests defaults = render(resource("defaults.yaml"));
        Manifests given = render(resource("defaults.yaml") + """
                subscriber: {jobWorkers: 12}
                worker: {jobWorkers: 6}
                """);

        for (String service : List.of("subscriber", "worker")) {
            assertThat(env(defaults.container("ef-" + service))).doesNotContainKey("EVENTFLOW_JOBS_WORKERS");
        }
        assertThat(envValue(given.container("ef-subscriber"), "EVENTFLOW_JOBS_WORKERS")).isEqualTo("12");
        assertThat(envValue(given.container("ef-worker"), "EVENTFLOW_JOBS_WORKERS")).isEqualTo("6");
    }

    @Test
    void takesApiKeysFromTheSecretInEveryServiceAndRefusesToRenderWithoutThem() {
        Manifests manifests = render(resource("defaults.yaml"));
        ChartRenderer withoutKeys = ChartRenderer.of(CHART, work.resolve("no-keys"), "database: {password: x}");

        for (String deployment : List.of("ef-publisher", "ef-subscriber", "ef-worker")) {
            EnvVar keys = env(manifests.container(deployment)).get("EVENTFLOW_SECURITY_API_KEYS");
            assertThat(keys.getValueFrom().getSecretKeyRef()).as(deployment)
                    .extracting("name", "key").containsExactly("eventflow-api-keys", "api-keys");
        }
        assertThatThrownBy(() -> withoutKeys.template(Map.of()))
                .hasMessageContaining("apiKeys.existingSecret is required");
    }

    @Test
    void refusesTheSuperuserRoleUnlessAllowedAndADatabaseWithoutPassword() {
        ChartRenderer chart = ChartRenderer.of(CHART, work, resource("defaults.yaml"));

        assertThatThrownBy(() -> chart.template(Map.of("database.user", "postgres")))
                .hasMessageContaining("database.user is \"postgres\", a superuser");
        assertThat(chart.template(Map.of("database.user", "postgres", "database.allowSuperuser", true)))
                .contains("value: \"postgres\"");
        assertThatThrownBy(() -> chart.template(Map.of("database.password", "")))
                .hasMessageContaining("set database.existingSecret");
    }

    @Test
    void valuesSchemaRejectsAWrongTypeAndAnUnknownKey() {
        ChartRenderer chart = ChartRenderer.of(CHART, work, resource("defaults.yaml"));

        assertThatThrownBy(() -> chart.template(Map.of("publisher.replicas", "two")))
                .hasMessageContaining("publisher.replicas").hasMessageContaining("Invalid type");
        assertThatThrownBy(() -> chart.template(Map.of("publisher.replica", 2)))
                .hasMessageContaining("Additional property replica is not allowed");
        // the old chart's way to put the dashboard on 0.0.0.0 without a password is gone
        assertThatThrownBy(() -> chart.template(Map.of("subscriber.dashboard.host", "0.0.0.0")))
                .hasMessageContaining("Additional property host is not allowed");
    }

    @Test
    void runsWorkersFromTheSubscriberImageInTheWorkerProfile() {
        Manifests manifests = render(resource("defaults.yaml"));
        Container worker = manifests.container("ef-worker");

        assertThat(worker.getImage()).isEqualTo("eventflow/subscriber-mp:0.1.0");
        assertThat(envValue(worker, "MP_CONFIG_PROFILE")).isEqualTo("worker");
        assertThat(envValue(worker, "EVENTFLOW_DASHBOARD_ENABLED")).isEqualTo("false");
        assertThat(envValue(worker, "EVENTFLOW_JOBS_RETRIES_DEFAULT"))
                .isEqualTo(envValue(manifests.container("ef-subscriber"), "EVENTFLOW_JOBS_RETRIES_DEFAULT"));
        assertThat(manifests.get(Service.class, "ef-worker").getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void autoscalesThePublisherAndTheWorkersInTheProductionInstall() {
        Manifests manifests = render(productionValuesFromReadme());

        for (String name : List.of("ef-publisher", "ef-worker")) {
            HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMetrics()).extracting(MetricSpec::getType).contains("Resource");
            // the HPA owns the replica count: the Deployment leaves it unset so upgrades do not reset it
            assertThat(manifests.get(Deployment.class, name).getSpec().getReplicas()).isNull();
        }
        assertThat(manifests.get(HorizontalPodAutoscaler.class, "ef-worker").getSpec().getMetrics())
                .filteredOn(m -> "External".equals(m.getType()))
                .singleElement().satisfies(m -> assertThat(m.getExternal().getMetric().getName()).isEqualTo("jobrunr_jobs"));
        assertThat(manifests.find(HorizontalPodAutoscaler.class, "ef-subscriber")).isEmpty();
        assertThat(envValue(manifests.container("ef-subscriber"), "EVENTFLOW_JOBS_SERVER_ENABLED")).isEqualTo("false");
        assertThat(manifests.container("ef-publisher").getImage())
                .isEqualTo("registry.example.com/eventflow/publisher-mp:0.1.0");
    }

    @Test
    void createsTheTopicsWithDurableSettingsAndAllowsASingleBroker() throws IOException {
        Job production = render(resource("defaults.yaml")).get(Job.class, "ef-topics");
        Job single = render(resource("single-broker.yaml")).get(Job.class, "ef-topics");
        Container topics = production.getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(production.getMetadata().getAnnotations())
                .containsEntry(ChartRenderer.RENDERED_HOOK, "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        assertThat(topics.getImage()).isEqualTo("apache/kafka:3.9.1");
        assertThat(topics.getCommand()).containsExactly("/bin/bash", "-c",
                Files.readString(CHART.resolve("files/ensure-topics.sh")));
        assertThat(envValue(topics, "TOPICS")).isEqualTo("eventflow.events eventflow.events.dlq");
        assertThat(envValue(topics, "REPLICATION_FACTOR")).isEqualTo("3");
        assertThat(envValue(topics, "MIN_INSYNC_REPLICAS")).isEqualTo("2");
        assertThat(envValue(topics, "BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        // the Job's env is read by the script, or by Kafka's own scripts (LOG_DIR, KAFKA_HEAP_OPTS)
        String script = Files.readString(CHART.resolve("files/ensure-topics.sh"));
        assertThat(env(topics).keySet()).allMatch(var -> Set.of("LOG_DIR", "KAFKA_HEAP_OPTS").contains(var)
                || script.contains("$" + var) || script.contains("${" + var));
        Container singleTopics = single.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(envValue(singleTopics, "REPLICATION_FACTOR")).isEqualTo("1");
        assertThat(envValue(singleTopics, "MIN_INSYNC_REPLICAS")).isEqualTo("1");
    }

    @Test
    void letsPodsTalkOnlyToDnsKafkaAndPostgres() {
        Manifests manifests = render(resource("defaults.yaml"));

        assertThat(egressPorts(manifests.get(NetworkPolicy.class, "ef-publisher"))).containsExactlyInAnyOrder(53, 9092);
        for (String name : List.of("ef-subscriber", "ef-worker")) {
            NetworkPolicy policy = manifests.get(NetworkPolicy.class, name);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(egressPorts(policy)).containsExactlyInAnyOrder(53, 9092, 5432);
            assertThat(policy.getSpec().getIngress()).flatExtracting(NetworkPolicyIngressRule::getPorts)
                    .extracting(p -> p.getPort().getStrVal()).containsExactly("http");
        }
    }

    @Test
    void scrapesEveryComponentThroughTheServiceMonitor() {
        Manifests manifests = render(productionValuesFromReadme());
        ServiceMonitor monitor = manifests.get(ServiceMonitor.class, "ef-eventflow");

        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(monitor.getSpec().getEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.getPort() + " " + e.getPath()).isEqualTo("http /metrics"));
        assertThat(manifests.all(Service.class).filter(s -> s.getMetadata().getLabels().entrySet()
                .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()))
                .map(s -> s.getMetadata().getName())).containsExactlyInAnyOrder("ef-publisher", "ef-subscriber", "ef-worker");
    }

    @Test
    void notesSayHowToReachEachPart() {
        String notes = ChartRenderer.of(CHART, work, resource("defaults.yaml")).notes();

        assertThat(notes).contains("http://ef-publisher.eventflow:8080/api/v1/events/analytics")
                .contains("kubectl -n eventflow port-forward svc/ef-publisher 8080")
                .contains("http://ef-subscriber.eventflow:8081/api/v1/events/user/<user_id>")
                .contains("JobRunr dashboard: off").contains("Workers (jobs only, no consumer): 1 pod(s)")
                .contains("replication factor 3, min.insync.replicas 2");
    }

    private static Manifests render(String values) {
        return RENDERED.computeIfAbsent(values, v -> new Manifests(
                ChartRenderer.of(CHART, shared.resolve("render-" + RENDERINGS.incrementAndGet()), v).objects()));
    }

    private static void assertNarayanaFlagsOnlyWithJtaAndOnWritableDirs(Container container, String jvm) {
        List<String> storeDirs = Stream.of(jvm.split(" ")).filter(o -> o.startsWith("-DObjectStoreEnvironmentBean."))
                .map(o -> o.substring(o.indexOf('=') + 1)).toList();
        if (container.getImage().contains("publisher-mp")) {
            assertThat(storeDirs).as("the publisher has no JTA").isEmpty();
        } else {
            assertThat(storeDirs).hasSize(3);
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).containsAll(storeDirs);
        }
    }

    private static void assertProbe(String owner, Probe probe, String path) {
        assertThat(probe).as(owner + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static String module(Container container) {
        String repository = container.getImage().substring(0, container.getImage().lastIndexOf(':'));
        return SERVICE_MODULES.entrySet().stream().filter(e -> repository.endsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static Set<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().map(NetworkPolicyEgressRule::getPorts).flatMap(List::stream)
                .map(NetworkPolicyPort::getPort).map(p -> p.getIntVal()).collect(Collectors.toSet());
    }

    private static String resource(String name) {
        try {
            return Files.readString(ROOT.resolve("e2e-tests/src/test/resources/deploy").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The yaml block after the README's {@code <!-- deploy:production-values -->} marker. */
    static String productionValuesFromReadme() {
        try {
            String readme = Files.readString(ROOT.resolve("README.md"));
            int marker = readme.indexOf("<!-- deploy:production-values -->");
            assertThat(marker).as("README marks its production values").isNotNegative();
            int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
            return readme.substring(start, readme.indexOf("```", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
