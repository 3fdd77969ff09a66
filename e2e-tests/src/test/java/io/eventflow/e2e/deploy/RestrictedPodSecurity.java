package io.eventflow.e2e.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * The checks of the Kubernetes Pod Security Standards' "restricted" profile (which includes "baseline"), as the
 * PodSecurity admission controller of Kubernetes 1.33 applies them to a pod spec. {@link #violations} names each
 * broken rule; an empty list means the pod would be admitted into a namespace labelled
 * {@code pod-security.kubernetes.io/enforce: restricted}.
 */
public final class RestrictedPodSecurity {

    private static final Set<String> ALLOWED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    private RestrictedPodSecurity() {
    }

    /** Every rule of the restricted profile the pod breaks, one line each. */
    public static List<String> violations(PodSpec pod) {
        List<String> violations = new ArrayList<>();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        // baseline: host namespaces, host paths, sysctls, SELinux, seccomp at pod level
        check(violations, !Boolean.TRUE.equals(pod.getHostNetwork()), "hostNetwork must not be true");
        check(violations, !Boolean.TRUE.equals(pod.getHostPID()), "hostPID must not be true");
        check(violations, !Boolean.TRUE.equals(pod.getHostIPC()), "hostIPC must not be true");
        for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            String type = volumeType(volume);
            check(violations, ALLOWED_VOLUME_TYPES.contains(type), "volume " + volume.getName() + " has type " + type
                    + "; allowed: " + ALLOWED_VOLUME_TYPES);
        }
        Optional.ofNullable(podContext.getSysctls()).orElse(List.of()).forEach(sysctl -> check(violations,
                SAFE_SYSCTLS.contains(sysctl.getName()), "sysctl " + sysctl.getName() + " is not in the safe set"));
        if (podContext.getSeLinuxOptions() != null) {
            check(violations, seLinuxAllowed(podContext.getSeLinuxOptions().getType(),
                    podContext.getSeLinuxOptions().getUser(), podContext.getSeLinuxOptions().getRole()),
                    "pod seLinuxOptions type/user/role not allowed");
        }
        check(violations, !isUnconfined(podContext.getSeccompProfile()), "pod seccompProfile must not be Unconfined");
        check(violations, podContext.getAppArmorProfile() == null
                || !"Unconfined".equals(podContext.getAppArmorProfile().getType()), "pod appArmorProfile Unconfined");
        check(violations, !Long.valueOf(0).equals(podContext.getRunAsUser()), "pod runAsUser must not be 0");

        boolean podNonRoot = Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        boolean podSeccomp = isRestrictedSeccomp(podContext.getSeccompProfile());
        for (Checked container : allContainers(pod)) {
            containerViolations(violations, container, podNonRoot, podSeccomp);
        }
        return violations;
    }

    private static void containerViolations(List<String> violations, Checked container, boolean podNonRoot,
                                            boolean podSeccomp) {
        String name = "container " + container.name() + ": ";
        SecurityContext context = Optional.ofNullable(container.context()).orElseGet(SecurityContext::new);
        // baseline
        check(violations, !Boolean.TRUE.equals(context.getPrivileged()), name + "privileged must not be true");
        for (ContainerPort port : Optional.ofNullable(container.ports()).orElse(List.of())) {
            check(violations, port.getHostPort() == null || port.getHostPort() == 0, name + "hostPort must be unset");
        }
        check(violations, context.getProcMount() == null || "Default".equals(context.getProcMount()),
                name + "procMount must be Default");
        check(violations, context.getWindowsOptions() == null
                || !Boolean.TRUE.equals(context.getWindowsOptions().getHostProcess()), name + "hostProcess");
        if (context.getSeLinuxOptions() != null) {
            check(violations, seLinuxAllowed(context.getSeLinuxOptions().getType(),
                    context.getSeLinuxOptions().getUser(), context.getSeLinuxOptions().getRole()),
                    name + "seLinuxOptions type/user/role not allowed");
        }
        check(violations, context.getAppArmorProfile() == null
                || !"Unconfined".equals(context.getAppArmorProfile().getType()), name + "appArmorProfile Unconfined");
        // restricted
        check(violations, Boolean.FALSE.equals(context.getAllowPrivilegeEscalation()),
                name + "allowPrivilegeEscalation must be false");
        check(violations, Boolean.TRUE.equals(context.getRunAsNonRoot()) || (podNonRoot
                && !Boolean.FALSE.equals(context.getRunAsNonRoot())), name + "runAsNonRoot must be true");
        check(violations, !Long.valueOf(0).equals(context.getRunAsUser()), name + "runAsUser must not be 0");
        check(violations, isRestrictedSeccomp(context.getSeccompProfile())
                || (podSeccomp && context.getSeccompProfile() == null),
                name + "seccompProfile must be RuntimeDefault or Localhost");
        Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
        check(violations, Optional.ofNullable(capabilities.getDrop()).orElse(List.of()).contains("ALL"),
                name + "capabilities must drop ALL");
        Optional.ofNullable(capabilities.getAdd()).orElse(List.of()).forEach(added -> check(violations,
                "NET_BIND_SERVICE".equals(added), name + "capability " + added + " may not be added"));
    }

    private static List<Checked> allContainers(PodSpec pod) {
        Stream<Checked> regular = Stream.concat(
                        Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                        Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream())
                .map(c -> new Checked(c.getName(), c.getSecurityContext(), c.getPorts()));
        Stream<Checked> ephemeral = Optional.ofNullable(pod.getEphemeralContainers()).orElse(List.of()).stream()
                .map(c -> new Checked(c.getName(), c.getSecurityContext(), c.getPorts()));
        return Stream.concat(regular, ephemeral).toList();
    }

    private static String volumeType(Volume volume) {
        // exactly one source field is set; find its name through the model's getters
        return Stream.of(
                        entry("configMap", volume.getConfigMap()), entry("csi", volume.getCsi()),
                        entry("downwardAPI", volume.getDownwardAPI()), entry("emptyDir", volume.getEmptyDir()),
                        entry("ephemeral", volume.getEphemeral()),
                        entry("persistentVolumeClaim", volume.getPersistentVolumeClaim()),
                        entry("projected", volume.getProjected()), entry("secret", volume.getSecret()),
                        entry("hostPath", volume.getHostPath()), entry("nfs", volume.getNfs()),
                        entry("iscsi", volume.getIscsi()), entry("gitRepo", volume.getGitRepo()),
                        entry("image", volume.getImage()), entry("rbd", volume.getRbd()),
                        entry("cephfs", volume.getCephfs()), entry("glusterfs", volume.getGlusterfs()),
                        entry("fc", volume.getFc()), entry("flexVolume", volume.getFlexVolume()))
                .filter(e -> e.value() != null).map(Entry::key).findFirst().orElse("another source");
    }

    private static boolean seLinuxAllowed(String type, String user, String role) {
        return (type == null || type.isEmpty() || SELINUX_TYPES.contains(type))
                && (user == null || user.isEmpty()) && (role == null || role.isEmpty());
    }

    private static boolean isUnconfined(SeccompProfile profile) {
        return profile != null && "Unconfined".equals(profile.getType());
    }

    private static boolean isRestrictedSeccomp(SeccompProfile profile) {
        return profile != null && ("RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType()));
    }

    private static void check(List<String> violations, boolean passes, String violation) {
        if (!passes) {
            violations.add(violation);
        }
    }

    private static Entry entry(String key, Object value) {
        return new Entry(key, value);
    }

    private record Entry(String key, Object value) {
    }

    /** What the rules look at in a container, init container or ephemeral container. */
    private record Checked(String name, SecurityContext context, List<ContainerPort> ports) {
    }
}
