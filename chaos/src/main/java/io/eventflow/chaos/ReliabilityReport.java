package io.eventflow.chaos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Optional;
import io.eventflow.testing.ProcessingMode;

/**
 * The results table, on the console and in RELIABILITY.md. Each processing mode has a results block of its own there,
 * between {@code <!-- chaos:results:<mode>:start -->} and {@code <!-- chaos:results:<mode>:end -->}: a run rewrites
 * only its mode's block, so a per-event and a batched run are shown side by side and the hand-written guarantees
 * around them stay.
 */
final class ReliabilityReport {

    private ReliabilityReport() {
    }

    /** The marker opening the generated section of {@code mode}'s results. */
    static String start(ProcessingMode mode) {
        return "<!-- chaos:results:" + mode.value() + ":start -->";
    }

    /** The marker closing the generated section of {@code mode}'s results. */
    static String end(ProcessingMode mode) {
        return "<!-- chaos:results:" + mode.value() + ":end -->";
    }

    /** The table in Markdown. */
    static String table(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("""
                | scenario | fault | accepted | lost | duplicated | stuck | failed | settle after heal | verdict |
                |---|---|---:|---:|---:|---:|---:|---:|---|
                """);
        for (ScenarioResult result : results) {
            EventAudit.Counts counts = result.counts();
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    result.scenario().name(), result.scenario().description(),
                    counts == null ? "-" : String.format(Locale.ROOT, "%,d", counts.accepted()),
                    counts == null ? "-" : counts.lost(), counts == null ? "-" : counts.duplicated(),
                    counts == null ? "-" : counts.stuck(), counts == null ? "-" : counts.failed(),
                    counts == null ? "-" : result.settle() == null ? "not settled" : Progress.seconds(result.settle()),
                    result.verdict()));
        }
        return table.toString();
    }

    /** The generated section: when, on what, in which mode, how, the table, then notes and findings per scenario. */
    static String section(ChaosOptions options, List<ScenarioResult> results) {
        StringBuilder text = new StringBuilder();
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC));
        text.append("Latest %s run, `--mode %s` (%s): %s, %s.%n%n".formatted(kind(options), options.mode().value(),
                options.mode().meaning(), now, machine()));
        text.append(("%,d events per scenario planned at %d events/s from %d client threads (five single POSTs to "
                + "`/analytics` or `/chemical` for every JSON batch of %d to `/batch`; one event in five chemical); "
                + "the fault lands once 30%% are accepted. Counted against the event ids answered 202.%n%n")
                .formatted(options.events(), options.rate(), ScenarioRunner.CLIENTS, LoadPlan.BATCH_SIZE));
        text.append(table(results)).append('\n');
        for (ScenarioResult result : results) {
            List<String> notes = new ArrayList<>();
            if (result.jobs() != null) {
                notes.add("jobs: " + result.jobs().summary());
            }
            notes.addAll(result.notes());
            if (notes.isEmpty() && result.findings().isEmpty() && result.notAccepted() == 0) {
                continue;
            }
            text.append("- **").append(result.scenario().name()).append("** (").append(result.mode().value())
                    .append("): ");
            if (result.notAccepted() > 0) {
                notes.add(result.notAccepted() + " planned events never answered 202 (not counted as accepted)");
            }
            text.append(String.join("; ", notes)).append('\n');
            for (String finding : result.findings()) {
                text.append("  `").append(finding.strip()).append("`\n");
            }
        }
        return text.toString();
    }

    private static String kind(ChaosOptions options) {
        if (options.shortRun()) {
            return "**short** (`--short`: three scenarios, not the full suite)";
        }
        return options.events() >= ChaosOptions.FULL_EVENTS ? "full"
                : "**reduced** (every scenario, but fewer events than the full run's %,d)".formatted(ChaosOptions.FULL_EVENTS);
    }

    /**
     * Replaces the generated section of {@code mode}'s results in {@code file} (or appends one, with its markers, if
     * there is none); the other mode's section stays as it is.
     */
    static void write(Path file, ProcessingMode mode, String section) throws IOException {
        String startMarker = start(mode);
        String endMarker = end(mode);
        String generated = startMarker + "\n" + section + endMarker;
        String existing = Files.exists(file) ? Files.readString(file) : "# Reliability\n\n";
        int start = existing.indexOf(startMarker);
        int end = existing.indexOf(endMarker);
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + generated + existing.substring(end + endMarker.length())
                : existing.stripTrailing() + "\n\n" + generated + "\n";
        Files.writeString(file, updated);
    }

    /** Machine facts: CPU model and cores, memory, OS, JDK. */
    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> "%.0f GiB".formatted(Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown memory");
        return "%s, %d cores, %s, %s %s, JDK %s".formatted(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"),
                ManagementFactory.getRuntimeMXBean().getSpecVersion() + " (" + System.getProperty("java.vm.version") + ")");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
