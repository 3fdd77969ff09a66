package io.eventflow.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads Linux's /proc: resident memory and CPU time of a process and its descendants, and the machine's CPU. */
public final class ProcFs {

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** The process and every live descendant (a PostgreSQL server's backends, for example). */
    static List<Long> tree(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> Stream.concat(Stream.of(p), p.descendants()).map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** VmRSS of one process in KiB (0 if it is gone). */
    static long rssKb(long pid) {
        long[] parts = rssPartsKb(pid);
        return parts[0] + parts[1] + parts[2];
    }

    /**
     * Resident memory of a process and its descendants in KiB: their VmRSS, but with the pages they share
     * counted once - file pages (the same binary and libraries) and shared memory (PostgreSQL's shared
     * buffers, which every backend maps) - by taking the largest of each instead of their sum.
     */
    static long treeRssKb(long pid) {
        long anon = 0;
        long file = 0;
        long shared = 0;
        for (long member : tree(pid)) {
            long[] parts = rssPartsKb(member);
            anon += parts[0];
            file = Math.max(file, parts[1]);
            shared = Math.max(shared, parts[2]);
        }
        return anon + file + shared;
    }

    /** {RssAnon, RssFile, RssShmem} of one process in KiB (their sum is VmRSS); zeros if it is gone. */
    private static long[] rssPartsKb(long pid) {
        long[] parts = new long[3];
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                int index = line.startsWith("RssAnon:") ? 0 : line.startsWith("RssFile:") ? 1
                        : line.startsWith("RssShmem:") ? 2 : -1;
                if (index >= 0) {
                    parts[index] = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between listing and reading
        }
        return parts;
    }

    /**
     * CPU ticks (user + system) of one process (0 if it is gone), with those of its children that ended
     * and were waited for if {@code withEndedChildren} (PostgreSQL backends that closed, for example).
     */
    static long cpuTicks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU ticks per thread name (as the kernel keeps it, 15 characters) of one process; pools add up. */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                long tid = Long.parseLong(task.getFileName().toString());
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("#?[0-9]+$", "#");
                    ticks.merge(name, cpuTicks(pid, tid), Long::sum);
                } catch (IOException e) {
                    // the thread ended while listing
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return ticks;
    }

    private static long cpuTicks(long pid, long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Busy and total ticks of the whole machine, from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The 1-minute load average. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
