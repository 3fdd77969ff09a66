package io.eventflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's "Try it" section stays true: every bash block in it runs as written (only the ports differ) against
 * a platform started by {@code ./eventflow run}, in order; every answer is JSON; where the README shows an answer,
 * the real one has the same shape (the same fields, recursively, with values of the same kinds); where the prose
 * after a block quotes {@code "field":value} fragments, the answer contains them.
 */
class ReadmeTryItE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern QUOTED_FRAGMENT = Pattern.compile("`(\"[a-z_]+\":[^`]+)`");

    private Path folder;

    @Test
    void tryItCommandsAnswerAsTheReadmeShows() throws Exception {
        // under target/, so the platform's logs stay for whoever reads a failure
        folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "readme")).toAbsolutePath(), "try-it-");
        List<Step> steps = tryItSteps(Files.readString(Devkit.projectRoot().resolve("README.md")));
        assertThat(steps).as("bash blocks in the README's Try it section").hasSizeGreaterThanOrEqualTo(3);

        // the commands read the key from .eventflow/api-key, relative to where the user stands
        PlatformRunner platform = PlatformRunner.onFreePorts(folder.resolve(".eventflow"));
        try (ManagedProcess run = platform.start("readme-run.log")) {
            List<String> acceptedIds = new ArrayList<>();
            for (Step step : steps) {
                awaitProcessed(platform, acceptedIds);
                String output = bash(step.script()
                        .replace("localhost:8080", "localhost:" + platform.publisherPort())
                        .replace("localhost:8081", "localhost:" + platform.subscriberPort()));
                List<JsonNode> answers = jsonValues(output, step.script());
                answers.stream().filter(answer -> answer.has("message") && answer.path("event_id").isTextual())
                        .forEach(accepted -> acceptedIds.add(accepted.path("event_id").asText()));
                if (step.shownAnswer() != null) {
                    JsonNode shown = JSON.readTree(step.shownAnswer());
                    assertThat(shape(answers.getLast())).as("shape of the answer to:%n%s%nanswer: %s", step.script(),
                            answers.getLast()).isEqualTo(shape(shown));
                }
                String compact = output.replaceAll("\\s", "");
                for (String fragment : step.quotedFragments()) {
                    assertThat(compact).as("answer to:%n%s", step.script()).contains(fragment.replaceAll("\\s", ""));
                }
            }
        }
    }

    /** The Try it section as steps: a bash block, the JSON block right after it if any, and quoted fragments. */
    private static List<Step> tryItSteps(String readme) {
        int start = readme.indexOf("\n## Try it");
        assertThat(start).as("README has a Try it section").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<Step> steps = new ArrayList<>();
        Matcher fence = FENCE.matcher(section);
        List<String[]> blocks = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (fence.find()) {
            blocks.add(new String[] {fence.group(1), fence.group(2)});
            ends.add(fence.end());
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (!"bash".equals(blocks.get(i)[0])) {
                continue;
            }
            boolean answerFollows = i + 1 < blocks.size() && "json".equals(blocks.get(i + 1)[0])
                    && section.substring(ends.get(i), ends.get(i) + 2).isBlank();
            int proseStart = ends.get(answerFollows ? i + 1 : i);
            String prose = section.substring(proseStart, i + 1 < blocks.size() && !answerFollows
                    ? section.indexOf("```", proseStart) : proseStart);
            List<String> fragments = new ArrayList<>();
            Matcher quoted = QUOTED_FRAGMENT.matcher(prose);
            while (quoted.find()) {
                fragments.add(quoted.group(1));
            }
            steps.add(new Step(blocks.get(i)[1], answerFollows ? blocks.get(i + 1)[1] : null, fragments));
        }
        return steps;
    }

    private String bash(String script) throws IOException, InterruptedException {
        // the first block sets KEY; later blocks use it, as in one terminal
        Path keyed = folder.resolve("try-it.sh");
        Files.writeString(keyed, "set -e\nKEY=$(cat .eventflow/api-key)\n" + script);
        Process process = new ProcessBuilder("bash", keyed.toString()).directory(folder.toFile())
                .redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code of:%n%s%nstderr: %s", script, errors).isZero();
        return output;
    }

    private static List<JsonNode> jsonValues(String output, String script) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = JSON.readerFor(JsonNode.class).readValues(output)) {
            while (iterator.hasNext()) {
                values.add(iterator.next());
            }
        }
        assertThat(values).as("JSON answers to:%n%s%noutput: %s", script, output).isNotEmpty();
        return values;
    }

    /** Waits until every event accepted so far is completed, so a listing after a POST shows it. */
    private static void awaitProcessed(PlatformRunner platform, List<String> eventIds) {
        HttpClient http = HttpClient.newHttpClient();
        for (String id : eventIds) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<String> story = http.send(HttpRequest.newBuilder(
                                URI.create(platform.subscriber() + "/api/v1/events/" + id))
                        .header("X-API-Key", platform.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
                return story.statusCode() == 200
                        && "completed".equals(JSON.readTree(story.body()).path("status").asText());
            });
        }
    }

    /** A JSON value's shape: field names (recursively; an array by its first element) and kinds of values. */
    private static String shape(JsonNode node) {
        if (node.isObject()) {
            Set<String> fields = new TreeSet<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                fields.add(name + "=" + shape(node.get(name)));
            }
            return fields.toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private record Step(String script, String shownAnswer, List<String> quotedFragments) {
    }
}
