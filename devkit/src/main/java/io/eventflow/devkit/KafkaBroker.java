package io.eventflow.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one JVM) for local runs and tests.
 *
 * <p>Usage: {@code java -cp devkit.jar:libs/* io.eventflow.devkit.KafkaBroker --port 9092 --data-dir .eventflow/kafka}.
 * Prints {@value #READY_LINE} once clients can connect; stops cleanly on SIGTERM or Ctrl-C.
 */
public final class KafkaBroker {

    /** The line printed on stdout when the broker accepts clients. */
    public static final String READY_LINE = "EVENTFLOW KAFKA READY";

    /** Fixed cluster id: the log dir is formatted once and reused across runs. */
    private static final String CLUSTER_ID = "ZXZlbnRmbG93LWRldmtpdA";
    private static final int NODE_ID = 1;

    private KafkaBroker() {
    }

    /** Starts the broker and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        int port = arguments.intValue("port", 9092);
        int controllerPort = arguments.intValue("controller-port", -1);
        if (controllerPort < 0) {
            controllerPort = controllerPortBeside(port);
        }
        Path dataDir = arguments.path("data-dir", Path.of(".eventflow", "kafka"));
        ProcessGuard.takeOver(dataDir.resolve("broker.pid"));

        Path logDir = dataDir.resolve("log").toAbsolutePath();
        Files.createDirectories(logDir);
        formatOnce(logDir);

        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(port, controllerPort, logDir), false);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-shutdown"));
        server.startup();
        System.out.println(READY_LINE + " bootstrap=127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * The controller's port when none is given: the one after the broker's, or a free one when that is taken. A
     * broker on a port the OS handed out (tests, the benchmark harness) has an ephemeral neighbour, which another
     * process's connection may hold at that moment; the controller failed to bind there once in CI. One node votes
     * alone, and the voters are read from the configuration at each start, so the port may differ from run to run.
     */
    static int controllerPortBeside(int port) {
        int next = port + 1;
        try (ServerSocket probe = new ServerSocket(next, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                System.out.println("Port " + next + " is taken; Kafka's controller listens on " + free.getLocalPort());
                return free.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port for Kafka's controller", e);
            }
        }
    }

    private static void formatOnce(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(NODE_ID)
                .setClusterId(CLUSTER_ID)
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setIgnoreFormatted(true)
                .run();
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());
        // a single node: every replication factor is 1
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // local development: consumers join at once, topics appear on first use
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        return props;
    }
}
