package io.eventflow.bench.platform;

import java.io.IOException;

/** POSIX signals to a process through {@code kill}, for what the JDK's {@code Process} cannot send. */
final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} (e.g. {@code STOP}, {@code INT}) to {@code pid}. */
    static void send(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + signal + " " + pid + " exited with " + exit);
        }
    }
}
