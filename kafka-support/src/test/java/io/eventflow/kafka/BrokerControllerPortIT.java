package io.eventflow.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devkit's broker starts when the port after its own is taken. Without {@code --controller-port} (as
 * {@code ./eventflow run} starts it) the controller listened on the next port blindly; on a port the OS handed out,
 * that neighbour can be any connection's, and a CI run's benchmark smoke test failed on "Address already in use".
 */
class BrokerControllerPortIT {

    @Test
    void startsWithItsControllerElsewhereWhenTheNextPortIsTaken(@TempDir Path dir) throws Exception {
        ServerSocket neighbour = null;
        while (neighbour == null) {
            neighbour = hold(Devkit.freePort() + 1);
        }
        int brokerPort = neighbour.getLocalPort() - 1;
        try (ServerSocket taken = neighbour;
             ManagedProcess broker = Devkit.start("KafkaBroker", Devkit.KAFKA_READY, brokerPort,
                     dir.resolve("kafka"), dir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     "127.0.0.1:" + brokerPort))) {
            assertThat(taken.isBound()).isTrue();
            assertThat(admin.describeCluster().nodes().get()).as("the broker answers").hasSize(1);
            assertThat(Files.readString(broker.logFile()))
                    .contains("Port " + (brokerPort + 1) + " is taken; Kafka's controller listens on");
        }
    }

    /** A socket held on {@code port}, or null when another process has it. */
    private static ServerSocket hold(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException taken) {
            return null;
        }
    }
}
