package io.eventflow.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project command's own behaviour, run on a copy of the script in a scratch project whose Maven is a fake
 * that records its arguments: it rebuilds when a source is newer than its jar, explains every subcommand, and
 * stops only the leftover processes it recorded and can identify.
 */
class ProjectCommandTest {

    private Path project;
    private Path mavenCalls;
    private Path bin;

    @BeforeEach
    void scratchProject() throws IOException {
        project = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e").toAbsolutePath()), "cmd-");
        Files.copy(Devkit.projectRoot().resolve("eventflow"), project.resolve("eventflow"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = project.resolve("devkit/src/main/java/Broker.java");
        Files.createDirectories(source.getParent());
        Files.writeString(project.resolve("devkit/pom.xml"), "<project/>");
        Files.writeString(source, "class Broker {}");
        Path jar = Files.createDirectories(project.resolve("devkit/target")).resolve("devkit.jar");
        Files.writeString(jar, "jar");
        FileTime earlier = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        for (Path file : List.of(project.resolve("pom.xml"), project.resolve("devkit/pom.xml"), source)) {
            Files.setLastModifiedTime(file, earlier);
        }
        bin = Files.createDirectories(project.resolve("fake-bin"));
        mavenCalls = project.resolve("maven-calls");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + mavenCalls + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void runRebuildsFirstWhenASourceIsNewerThanItsJar() throws Exception {
        Files.setLastModifiedTime(project.resolve("devkit/src/main/java/Broker.java"), FileTime.from(Instant.now()));

        Result run = eventflow("run");

        assertThat(run.output()).contains("[eventflow] Rebuilding first: devkit/src/main/java/Broker.java is newer than "
                + "devkit/target/devkit.jar");
        assertThat(Files.readString(mavenCalls)).contains("clean package -DskipTests -pl devkit,publisher-mp,subscriber-mp -am");
        assertThat(run.exitCode()).as("the fake build fails, so run stops at once").isNotZero();
        assertThat(run.output()).contains("The build failed");
    }

    @Test
    void buildsNothingWhenTheJarsAreNewerThanTheirSources() throws Exception {
        Result build = eventflow("build", "--if-stale");

        assertThat(build.output()).contains("Up to date");
        assertThat(mavenCalls).doesNotExist();
        assertThat(build.exitCode()).isZero();
    }

    @Test
    void explainsEverySubcommand() throws Exception {
        for (String subcommand : List.of("run", "test", "build", "bench", "chaos", "reset")) {
            Result help = eventflow(subcommand, "--help");

            assertThat(help.exitCode()).as(subcommand + " --help").isZero();
            assertThat(help.output()).startsWith("usage: ./eventflow " + subcommand);
        }
        assertThat(mavenCalls).as("--help builds nothing").doesNotExist();
    }

    @Test
    void stopsOnlyLeftoversItCanIdentifyByPidAndStartTime() throws Exception {
        Path home = project.resolve("home");
        Path pids = Files.createDirectories(home.resolve("pids"));
        Process recorded = new ProcessBuilder("sleep", "120").start();
        Process recycledPid = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(pids.resolve("subscriber.pid"), recorded.pid() + " " + startTime(recorded.pid()) + "\n");
            // same pid, another start time: the pid was recycled and belongs to someone else now
            Files.writeString(pids.resolve("publisher.pid"), recycledPid.pid() + " " + (startTime(recycledPid.pid()) - 1) + "\n");

            Result reset = eventflow(Map.of("EVENTFLOW_HOME", home.toString()), "reset");

            assertThat(reset.exitCode()).isZero();
            assertThat(reset.output()).contains("Stopping subscriber (pid " + recorded.pid() + ")");
            assertThat(recorded.waitFor(30, TimeUnit.SECONDS)).as("the recorded process is stopped").isTrue();
            assertThat(recycledPid.isAlive()).as("a process whose start time differs is left alone").isTrue();
        } finally {
            recorded.destroyForcibly();
            recycledPid.destroyForcibly();
        }
    }

    private static long startTime(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
        return Long.parseLong(fields[19]);
    }

    private Result eventflow(String... args) throws Exception {
        return eventflow(Map.of("EVENTFLOW_HOME", project.resolve("home").toString()), args);
    }

    private Result eventflow(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("eventflow").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
