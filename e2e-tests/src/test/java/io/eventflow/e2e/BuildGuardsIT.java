package io.eventflow.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build guards of the root pom hold: a small module whose parent is the project's root pom builds (validate
 * phase) while it is clean, and fails on a style violation, an in-memory stand-in for the database and a dependency
 * whose versions diverge - each with the guard's own message.
 */
class BuildGuardsIT {

    private static final String CLEAN_CLASS = """
            package probe;

            import java.util.List;

            /** A clean class. */
            public final class Probe {

                private Probe() {
                }

                /** Names. */
                public static List<String> names() {
                    return List.of("a");
                }
            }
            """;

    @TempDir
    Path probe;

    @Test
    void cleanModulePassesTheGuards() throws Exception {
        Result result = validate(CLEAN_CLASS, "");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void inlineFullyQualifiedNameFailsTheBuild() throws Exception {
        // fully qualified: the probe's violation, in a string
        Result result = validate(CLEAN_CLASS.replace("return List.of(\"a\");",
                "return new java.util.ArrayList<>(List.of(\"a\"));"), "");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Inline fully qualified type name");
    }

    @Test
    void inMemoryDatabaseFailsTheBuild() throws Exception {
        Result result = validate(CLEAN_CLASS, dependency("com.h2database", "h2", "2.3.232"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("com.h2database:h2").contains("in-memory stand-ins");
    }

    @Test
    void divergingDependencyVersionsFailTheBuild() throws Exception {
        // commons-beanutils 1.9.4 asks for commons-collections 3.2.2 while the module asks for 3.2.1
        Result result = validate(CLEAN_CLASS, dependency("commons-beanutils", "commons-beanutils", "1.9.4")
                + dependency("commons-collections", "commons-collections", "3.2.1"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Dependency convergence error");
    }

    private Result validate(String source, String dependencies) throws IOException, InterruptedException {
        Path root = Devkit.projectRoot();
        Path sources = Files.createDirectories(probe.resolve("src/main/java/probe"));
        Files.writeString(sources.resolve("Probe.java"), source);
        Files.writeString(probe.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <parent>
                        <groupId>io.eventflow</groupId>
                        <artifactId>eventflow-parent</artifactId>
                        <version>0.1.0-SNAPSHOT</version>
                        <relativePath>%s</relativePath>
                    </parent>
                    <artifactId>guard-probe</artifactId>
                    <dependencies>%s</dependencies>
                </project>
                """.formatted(probe.relativize(root.resolve("pom.xml")), dependencies));
        Path javaHome = Path.of(Devkit.javaExecutable()).getParent().getParent();
        ProcessBuilder builder = new ProcessBuilder(List.of("mvn", "-B", "-ntp", "validate",
                "-Deventflow.checkstyle.config=" + root.resolve("etc/checkstyle.xml")))
                .directory(probe.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("mvn validate finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String dependency(String group, String artifact, String version) {
        return "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>"
                .formatted(group, artifact, version);
    }

    private record Result(int exitCode, String output) {
    }
}
