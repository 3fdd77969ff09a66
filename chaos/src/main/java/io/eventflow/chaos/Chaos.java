package io.eventflow.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./eventflow chaos}: runs the fault scenarios against real processes, prints the table and writes it into
 * RELIABILITY.md. Exits 0 when every scenario passed, 1 when one did not, 2 on a wrong argument.
 */
public final class Chaos {

    /** No accepted event becoming final for this long means the rest are stuck (JobRunr's orphan check is 20 s). */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    private Chaos() {
    }

    /** Runs the suite; see {@code --help}. */
    public static void main(String[] args) throws Exception {
        ChaosOptions options;
        List<Scenario> scenarios;
        try {
            options = ChaosOptions.parse(args);
            scenarios = Scenarios.select(options.only(), options.shortRun());
        } catch (IllegalArgumentException e) {
            System.err.println("[chaos] " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ChaosOptions.usage());
            return;
        }
        // the admin client's reconnect warnings during broker faults are expected; the harness reports what matters
        KAFKA_LOG.setLevel(Level.SEVERE);
        System.setProperty("eventflow.root", options.root().toString());
        Path runDir = Files.createDirectories(options.root().resolve("chaos").resolve("target").resolve("runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Progress progress = new Progress(System.out);
        progress.say("chaos", "%d scenario(s), %,d events each, processing mode %s (%s), logs under %s",
                scenarios.size(), options.events(), options.mode().value(), options.mode().meaning(), runDir);
        ScenarioRunner runner = new ScenarioRunner(progress, runDir, options.events(), options.rate(), options.mode(),
                STALL_TIMEOUT);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(runner.run(scenario));
        }
        System.out.println();
        System.out.println("Processing mode: " + options.mode().value());
        System.out.print(ReliabilityReport.table(results));
        if (options.only().isEmpty()) {
            Path file = options.root().resolve("RELIABILITY.md");
            ReliabilityReport.write(file, options.mode(), ReliabilityReport.section(options, results));
            System.out.println("\n[chaos] The table is in " + file + ", in the results of --mode " + options.mode().value());
        } else {
            System.out.println("\n[chaos] RELIABILITY.md left as it is: --only ran part of the suite");
        }
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }
}
