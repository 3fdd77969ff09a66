package org.jobrunr.dashboard;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@link BoundDashboardServer} to the JobRunr it was written for. It calls package-private parts of JobRunr's
 * dashboard and repeats what JobRunr's own dashboard server registers, and a JobRunr release may change either
 * without a compile error here; so a JobRunr upgrade stops at this test until someone has re-checked the class.
 */
class JobRunrVersionPinTest {

    @Test
    void jobRunrOnTheClasspathIsTheVersionTheDashboardServerWasWrittenFor() throws IOException, URISyntaxException {
        Path jar = jobRunrJar();
        String onClasspath = implementationVersion(jar);

        assertThat(onClasspath).as("Implementation-Version in the manifest of %s", jar).isNotNull();
        assertThat(onClasspath).withFailMessage(recheckBeforeRaising(onClasspath, jar))
                .isEqualTo(BoundDashboardServer.JOBRUNR_VERSION);
    }

    /**
     * The jar JobRunr's dashboard classes are loaded from. Its manifest, not {@link Package#getImplementationVersion},
     * says the version: {@code org.jobrunr.dashboard} is split between JobRunr's jar and this module, and the package
     * takes the manifest of whichever jar's class loads first.
     */
    private static Path jobRunrJar() throws URISyntaxException {
        return Path.of(JobRunrDashboardWebServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String implementationVersion(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    private static String recheckBeforeRaising(String onClasspath, Path jar) {
        return String.join(System.lineSeparator(),
                "BoundDashboardServer was written and tested against JobRunr " + BoundDashboardServer.JOBRUNR_VERSION
                        + ", but JobRunr " + onClasspath + " is on the classpath (" + jar.getFileName() + ").",
                "It uses JobRunr internals. Before raising BoundDashboardServer.JOBRUNR_VERSION to " + onClasspath
                        + ", re-check in JobRunr " + onClasspath + "'s sources:",
                "  1. JobRunrDashboardWebServer still has the package-private createStaticFileHandler(),",
                "     createApiHandler(StorageProvider, JsonMapper, boolean) and createSSeHandler(StorageProvider, JsonMapper),",
                "     and they still build the handlers its start() serves;",
                "  2. its start() still registers exactly RedirectHttpHandler(\"/\", \"/dashboard\") without auth and the",
                "     static-file, API and SSE handlers behind the authenticator, over a ThreadSafeStorageProvider:",
                "     anything it registers or wraps now, BoundDashboardServer must too;",
                "  3. HttpExchangeHandler.close() still releases what a handler holds (the SSE connections);",
                "then run BoundDashboardServerTest (this module) and DashboardIT (subscriber-mp).");
    }
}
