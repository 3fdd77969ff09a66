package io.eventflow.e2e.deploy;

import java.util.List;

import io.eventflow.testing.Devkit;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy checks themselves catch what they are meant to catch: without this, a passing chart test proves little. */
class DeployChecksTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: demo}
            spec:
              replicas: %s
              selector: {matchLabels: {app: demo}}
              template:
                metadata: {labels: {app: demo}}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      env:
                        - {name: SERVER_PORT, value: %s}
                      %s
            """;

    @Test
    void kubernetesModelAcceptsAValidObjectAndRejectsUnknownFieldsAndWrongTypes() {
        assertThat(KubernetesModel.parseAll(DEPLOYMENT.formatted("2", "\"8080\"", ""))).singleElement()
                .isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));

        assertThatThrownBy(() -> KubernetesModel.parseAll(DEPLOYMENT.formatted("2", "\"8080\"", "securityContex: {}")))
                .hasMessageContaining("Deployment demo does not match the Kubernetes API")
                .hasMessageContaining("securityContex");
        assertThatThrownBy(() -> KubernetesModel.parseAll(DEPLOYMENT.formatted("2", "8080", "")))
                .as("an unquoted env value is a number, which the API server refuses").hasMessageContaining("demo");
        assertThatThrownBy(() -> KubernetesModel.parseAll(DEPLOYMENT.formatted("\"2\"", "\"8080\"", "")))
                .hasMessageContaining("demo");
        assertThatThrownBy(() -> KubernetesModel.parseAll("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"))
                .hasMessageContaining("Unexpected kind v1/Pod");
    }

    @Test
    void restrictedPodSecurityPassesAHardenedPodAndNamesEachBrokenRule() {
        assertThat(RestrictedPodSecurity.violations(hardened().build())).isEmpty();

        PodSpec loose = hardened().withHostNetwork(true)
                .addNewVolume().withName("host").withNewHostPath().withPath("/var/run").endHostPath().endVolume()
                .editFirstContainer().withSecurityContext(new SecurityContextBuilder().withPrivileged(true)
                        .withRunAsUser(0L).withCapabilities(new Capabilities(List.of("SYS_ADMIN"), List.of()))
                        .build()).endContainer()
                .build();

        List<String> violations = RestrictedPodSecurity.violations(loose);

        assertThat(violations).hasSize(7).anyMatch(v -> v.startsWith("volume host has type hostPath")).contains(
                "hostNetwork must not be true",
                "container app: privileged must not be true",
                "container app: allowPrivilegeEscalation must be false",
                "container app: runAsUser must not be 0",
                "container app: capabilities must drop ALL",
                "container app: capability SYS_ADMIN may not be added");
    }

    @Test
    void configKeysMapEnvironmentVariablesTheWayMicroProfileConfigDoes() {
        ServiceConfigKeys keys = ServiceConfigKeys.scan(Devkit.projectRoot());

        assertThat(keys.keyOf("EVENTFLOW_DASHBOARD_HOST")).contains("eventflow.dashboard.host");
        assertThat(keys.keyOf("EVENTFLOW_PUBLISH_TIMEOUT_MS")).contains("eventflow.publish.timeout-ms");
        assertThat(keys.keyOf("EVENTFLOW_ENRICHMENT_OPENAI_MODEL")).as("a prefix constant joined to a literal")
                .contains("eventflow.enrichment.openai.model");
        assertThat(keys.keyOf("MP_CONFIG_PROFILE")).contains("mp.config.profile");
        assertThat(keys.keyOf("EVENTFLOW_DASHBOARD_HOSTNAME")).isEmpty();
        assertThat(keys.keyOf("JAVA_TOOL_OPTIONS")).isEmpty();
        assertThat(ServiceConfigKeys.environmentName("eventflow.security.api-keys"))
                .isEqualTo("EVENTFLOW_SECURITY_API_KEYS");
    }

    private static PodSpecBuilder hardened() {
        return new PodSpecBuilder()
                .withSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1001L)
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build())
                .addToContainers(new ContainerBuilder().withName("app").withImage("app:1")
                        .withSecurityContext(new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
                                .withCapabilities(new Capabilities(List.of(), List.of("ALL"))).build())
                        .build())
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume();
    }
}
