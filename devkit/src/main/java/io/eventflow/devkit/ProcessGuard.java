package io.eventflow.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure only one devkit process owns a data folder: a process left behind by a run that was
 * killed with {@code kill -9} is stopped before a new one starts, and the pid file is removed on exit.
 */
final class ProcessGuard {

    private ProcessGuard() {
    }

    /**
     * Stops the process recorded in {@code pidFile} ("pid start-millis"), if that very process still runs, then
     * records this one. A pid alone could have been recycled by another program: the start time must match too.
     */
    static void takeOver(Path pidFile) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Optional<Long> recordedStart = readStart(pidFile);
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                .filter(handle -> recordedStart.isPresent() && recordedStart.equals(startMillis(handle)))
                .filter(ProcessGuard::isOurs)
                .ifPresent(ProcessGuard::stop);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(pidFile, self.pid() + " " + startMillis(self).orElse(0L));
        pidFile.toFile().deleteOnExit();
    }

    private static Optional<Long> startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(instant -> instant.toEpochMilli());
    }

    private static Optional<Long> readStart(Path pidFile) {
        try {
            String[] fields = Files.readString(pidFile).strip().split("\\s+");
            return fields.length < 2 ? Optional.empty() : Optional.of(Long.parseLong(fields[1]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Asks a leftover process to stop, and kills it if it does not within 20 seconds. */
    static void stop(ProcessHandle handle) {
        System.out.println("Stopping leftover process " + handle.pid() + " from an earlier run");
        handle.destroy();
        try {
            handle.onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    /**
     * Stops a PostgreSQL postmaster with SIGINT (its "fast" shutdown: open sessions are ended), not SIGTERM (its
     * "smart" shutdown, which waits for every client - a connection pool never lets go), and kills it after 20 s.
     */
    static void stopPostmaster(ProcessHandle postmaster) {
        System.out.println("Stopping PostgreSQL server " + postmaster.pid() + " left over from an earlier run");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    /** A recycled pid must never be killed: only a process whose command line names us is ours. */
    private static boolean isOurs(ProcessHandle handle) {
        return handle.info().commandLine().map(line -> line.contains("io.eventflow") || line.contains("postgres"))
                .orElse(false);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            String firstLine = Files.readString(pidFile).lines().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(firstLine.split("\\s+")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
