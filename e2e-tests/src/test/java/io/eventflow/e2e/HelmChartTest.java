package io.eventflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import io.eventflow.testing.Devkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart under helm/ lints cleanly and renders both services wired to Kafka and PostgreSQL. */
class HelmChartTest {

    private static final Path CHART = Devkit.projectRoot().resolve("helm").resolve("eventflow");

    @TempDir
    Path work;

    @Test
    void rendersBothServicesWiredToKafkaAndPostgres() throws IOException {
        Path chart = copyWithValue("password: \"\"", "password: \"s3cret\"");

        String manifests = new Helm(chart).template().withName("ef").call();

        assertThat(manifests).contains("name: ef-publisher").contains("name: ef-subscriber")
                .contains("name: KAFKA_BOOTSTRAP_SERVERS").contains("value: \"kafka:9092\"")
                .contains("name: DB_URL").contains("secretKeyRef: {name: ef-db, key: password}")
                .contains("path: /health/ready").contains("image: eventflow/publisher-mp:0.1.0")
                .contains("name: EVENTFLOW_SECURITY_API_KEYS").contains("key: api-keys");
        assertThat(new Helm(chart).lint().strict().call().isFailed()).isFalse();
    }

    @Test
    void refusesToRenderWithoutADatabasePassword() throws IOException {
        Path chart = copyWithValue("password: \"\"", "password: \"\"");

        assertThatThrownBy(() -> new Helm(chart).template().withName("ef").call())
                .hasMessageContaining("set database.password or database.existingSecret");
    }

    private Path copyWithValue(String from, String to) throws IOException {
        Path target = work.resolve("eventflow");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.writeString(copy, Files.readString(source).replace(from, to));
                }
            }
        }
        return target;
    }
}
