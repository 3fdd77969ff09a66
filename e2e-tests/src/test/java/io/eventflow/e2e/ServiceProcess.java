package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/** Starts a packaged service ({@code <module>/target/<module>.jar}) as its own process, configured by environment. */
final class ServiceProcess {

    private ServiceProcess() {
    }

    /** Starts the service and waits until its HTTP server is bound. */
    static ManagedProcess start(String module, Path workDir, Map<String, String> env) throws IOException {
        Path jar = Devkit.projectRoot().resolve(module).resolve("target").resolve(module + ".jar");
        List<String> command = new ArrayList<>(List.of(Devkit.javaExecutable(), "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-DObjectStoreEnvironmentBean.objectStoreDir=" + workDir.resolve("narayana"),
                "-DObjectStoreEnvironmentBean.stateStore.objectStoreDir=" + workDir.resolve("narayana"),
                "-DObjectStoreEnvironmentBean.communicationStore.objectStoreDir=" + workDir.resolve("narayana"),
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        return ManagedProcess.start(builder, workDir.resolve(module + ".log"), "bound for socket '@default'",
                Duration.ofMinutes(3));
    }
}
