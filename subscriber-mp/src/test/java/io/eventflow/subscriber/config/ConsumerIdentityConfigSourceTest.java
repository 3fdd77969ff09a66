package io.eventflow.subscriber.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerIdentityConfigSourceTest {

    @Test
    void makesTheInstanceIdTheStaticMembershipAndTheClientId() {
        ConsumerIdentityConfigSource source = new ConsumerIdentityConfigSource(" subscriber-8081 ");

        assertThat(source.getValue("mp.messaging.incoming.events-in.group.instance.id")).isEqualTo("subscriber-8081");
        assertThat(source.getValue(ConsumerIdentityConfigSource.CLIENT_ID)).isEqualTo("subscriber-8081");
    }

    @Test
    void leavesTheConsumerDynamicWithAUniqueClientIdWithoutAnInstanceId() {
        ConsumerIdentityConfigSource one = new ConsumerIdentityConfigSource(null);
        ConsumerIdentityConfigSource other = new ConsumerIdentityConfigSource("");

        assertThat(one.getPropertyNames()).containsExactly(ConsumerIdentityConfigSource.CLIENT_ID);
        assertThat(other.getValue("mp.messaging.incoming.events-in.group.instance.id")).isNull();
        assertThat(one.getValue(ConsumerIdentityConfigSource.CLIENT_ID))
                .startsWith("eventflow-subscriber-" + ProcessHandle.current().pid() + "-");
    }
}
