package io.eventflow.subscriber.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the consumer of channel {@code events-in} a name of its own. With {@code eventflow.consumer.instance-id}
 * (environment {@code EVENTFLOW_CONSUMER_INSTANCE_ID}, or a system property) the consumer is a static member of
 * its group under that id: a process restarted with the same id takes its partitions back at once instead of
 * waiting for the old member's session to expire. Without it the consumer is a dynamic member that leaves the
 * group when it closes. Either way its {@code client.id} is unique, so health can find this process's member.
 *
 * <p>A config source rather than a line in the properties file because Kafka refuses an empty
 * {@code group.instance.id}: the key must be absent when no id is set. Its ordinal sits below the environment's,
 * so {@code MP_MESSAGING_INCOMING_EVENTS_IN_CLIENT_ID} and the like still win.
 */
public final class ConsumerIdentityConfigSource implements ConfigSource {

    /** The key naming this process's static group membership. */
    public static final String INSTANCE_ID = "eventflow.consumer.instance-id";
    /** The channel's client id, unique per process. */
    public static final String CLIENT_ID = "mp.messaging.incoming.events-in.client.id";
    private static final String GROUP_INSTANCE_ID = "mp.messaging.incoming.events-in.group.instance.id";

    private final Map<String, String> properties;

    /** Reads the instance id from the system properties, then the environment. */
    public ConsumerIdentityConfigSource() {
        this(instanceId());
    }

    ConsumerIdentityConfigSource(String instanceId) {
        Map<String, String> values = new HashMap<>();
        if (instanceId != null && !instanceId.isBlank()) {
            values.put(GROUP_INSTANCE_ID, instanceId.strip());
            values.put(CLIENT_ID, instanceId.strip());
        } else {
            values.put(CLIENT_ID, "eventflow-subscriber-" + ProcessHandle.current().pid() + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
        }
        this.properties = Map.copyOf(values);
    }

    private static String instanceId() {
        String fromProperty = System.getProperty(INSTANCE_ID);
        return fromProperty != null ? fromProperty : System.getenv("EVENTFLOW_CONSUMER_INSTANCE_ID");
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "eventflow-consumer-identity";
    }

    @Override
    public int getOrdinal() {
        // above the properties file (100), below the environment (300) and system properties (400)
        return 150;
    }
}
