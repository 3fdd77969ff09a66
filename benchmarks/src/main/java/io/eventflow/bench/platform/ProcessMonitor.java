package io.eventflow.bench.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Set;

/**
 * Watches named processes (each with its descendants): resident memory sampled twice a second, CPU
 * time over a phase, and the machine's CPU over the same phase.
 */
public final class ProcessMonitor implements AutoCloseable {

    private static final Set<String> THREADS_OF = Set.of("publisher", "subscriber", "helidon-noop");
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Set<String> alone = ConcurrentHashMap.newKeySet();
    private final List<Phase> open = new CopyOnWriteArrayList<>();
    private final List<Usage> history = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-monitor");
        thread.setDaemon(true);
        return thread;
    });

    /** Watches these processes (name to pid) from now on. */
    public ProcessMonitor(Map<String, Long> initial) {
        pids.putAll(initial);
        sampler.scheduleAtFixedRate(() -> open.forEach(Phase::sample), 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Watches one more process from now on. */
    public void watch(String name, long pid) {
        pids.put(name, pid);
    }

    /** Watches a process without its descendants (the harness itself, whose children are measured apart). */
    public void watchAlone(String name, long pid) {
        alone.add(name);
        pids.put(name, pid);
    }

    /** Stops watching a process. */
    public void forget(String name) {
        pids.remove(name);
    }

    /** Resident memory of each watched process (summed over its descendants), now. */
    private Map<String, Long> rssKb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, alone.contains(name) ? ProcFs.rssKb(pid) : ProcFs.treeRssKb(pid)));
        return rss;
    }

    /** Starts measuring a phase; {@link Phase#end()} gives its {@link Usage}. */
    public Phase begin(String name) {
        Phase phase = new Phase(name);
        open.add(phase);
        return phase;
    }

    /** Every phase that ended, in order. */
    public List<Usage> history() {
        return List.copyOf(history);
    }

    private Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, alone.contains(name) ? ProcFs.cpuTicks(pid, false)
                : ProcFs.tree(pid).stream().mapToLong(p -> ProcFs.cpuTicks(p, true)).sum()));
        return ticks;
    }

    /** One phase being measured. */
    public final class Phase {
        private final String name;
        private final long startNanos = System.nanoTime();
        private final long[] machineStart = ProcFs.machineTicks();
        private final Map<String, Long> ticksStart = cpuTicks();
        private final Map<String, Long> peaks = new ConcurrentHashMap<>();
        private final Map<String, Map<String, Long>> threadsStart = threadTicks();

        private Phase(String name) {
            this.name = name;
            sample();
        }

        private void sample() {
            rssKb().forEach((process, kb) -> peaks.merge(process, kb, Math::max));
        }

        private Map<String, String> busiestThreads(double seconds) {
            Map<String, String> busiest = new LinkedHashMap<>();
            threadTicks().forEach((process, now) -> {
                Map<String, Long> before = threadsStart.getOrDefault(process, Map.of());
                String top = now.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L))
                                * 100.0 / ProcFs.TICKS_PER_SECOND / seconds))
                        .filter(e -> e.getValue() >= 1).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(3).map(e -> e.getKey() + " " + Math.round(e.getValue()) + "%")
                        .reduce((a, b) -> a + ", " + b).orElse("");
                if (!top.isEmpty()) {
                    busiest.put(process, top);
                }
            });
            return busiest;
        }

        /** Ends the phase. */
        public Usage end() {
            open.remove(this);
            sample();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long[] machineEnd = ProcFs.machineTicks();
            long total = machineEnd[1] - machineStart[1];
            double machine = total > 0 ? 100.0 * Runtime.getRuntime().availableProcessors()
                    * (machineEnd[0] - machineStart[0]) / total : Double.NaN;
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuTicks().forEach((process, ticks) -> cpu.put(process,
                    100.0 * (ticks - ticksStart.getOrDefault(process, ticks)) / ProcFs.TICKS_PER_SECOND / seconds));
            Usage usage = new Usage(name, seconds, machine, cpu, new LinkedHashMap<>(peaks), busiestThreads(seconds));
            history.add(usage);
            return usage;
        }
    }

    /** Thread CPU of the processes whose threads tell where the time goes. */
    private Map<String, Map<String, Long>> threadTicks() {
        Map<String, Map<String, Long>> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (THREADS_OF.contains(name)) {
                ticks.put(name, ProcFs.threadTicks(pid));
            }
        });
        return ticks;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
