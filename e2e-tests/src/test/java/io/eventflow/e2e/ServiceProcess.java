package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;

/** Starts a packaged service ({@code <module>/target/<module>.jar}) as its own process, configured by environment. */
final class ServiceProcess {

    private ServiceProcess() {
    }

    /** Starts the service and waits until its HTTP server is bound (test-support's launcher, shared with chaos). */
    static ManagedProcess start(String module, Path workDir, Map<String, String> env) throws IOException {
        return Devkit.startService(module, module, workDir, env);
    }
}
