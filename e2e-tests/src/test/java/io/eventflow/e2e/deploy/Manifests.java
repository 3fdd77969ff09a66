package io.eventflow.e2e.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** Lookups over one rendering's typed objects. */
public record Manifests(List<HasMetadata> objects) {

    /** The object of that kind and name; fails if the rendering has none. */
    public <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name
                + " in the rendering; it has " + objects.stream().map(o -> o.getKind() + " "
                + o.getMetadata().getName()).toList()));
    }

    /** The object of that kind and name, if rendered. */
    public <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** Every object of that kind. */
    public <T extends HasMetadata> Stream<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast);
    }

    /** Every pod template of the rendering (Deployments and Jobs), by the owning object's name. */
    public Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> pods.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(Job.class).forEach(j -> pods.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return pods;
    }

    /** The single container of a Deployment's pod. */
    public Container container(String deployment) {
        PodSpec pod = get(Deployment.class, deployment).getSpec().getTemplate().getSpec();
        if (pod.getContainers().size() != 1) {
            throw new AssertionError(deployment + " has " + pod.getContainers().size() + " containers");
        }
        return pod.getContainers().getFirst();
    }

    /** A container's env entries by name (later entries win, as in Kubernetes). */
    public static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(e -> env.put(e.getName(), e));
        return env;
    }

    /** A plain env value, or null when unset or taken from a source. */
    public static String envValue(Container container, String name) {
        EnvVar var = env(container).get(name);
        return var == null ? null : var.getValue();
    }
}
