package io.eventflow.bench.platform;

import java.util.Map;

/**
 * What the processes used during one phase: the machine's CPU (100% = one core), each process's CPU,
 * its highest resident memory (KiB), and the busiest threads of the services (e.g. {@code kafka-producer-#}).
 */
public record Usage(String phase, double seconds, double machineCpu, Map<String, Double> cpu,
                    Map<String, Long> peakRssKb, Map<String, String> busiestThreads) {

    /** Every process's CPU, busiest first, e.g. {@code publisher 112%, kafka 41%}. */
    public String cpuBreakdown() {
        return String.join(", ", cpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Math.round(e.getValue()) + "%").toList());
    }
}
