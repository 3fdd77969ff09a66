package io.eventflow.subscriber.adapter.in.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.eclipse.microprofile.reactive.messaging.spi.IncomingConnectorFactory;
import org.eclipse.microprofile.reactive.streams.operators.PublisherBuilder;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.reactivestreams.Subscription;

/**
 * The incoming connector of worker-only processes (profile {@code worker}): it never delivers a record,
 * so the process joins no consumer group and only runs JobRunr jobs.
 */
@ApplicationScoped
@Connector(IdleConnector.NAME)
public class IdleConnector implements IncomingConnectorFactory {

    /** The connector's name in {@code mp.messaging.incoming.<channel>.connector}. */
    public static final String NAME = "eventflow-idle";

    @Override
    public PublisherBuilder<? extends Message<?>> getPublisherBuilder(Config config) {
        return ReactiveStreams.fromPublisher(subscriber -> subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                // nothing to deliver, ever
            }

            @Override
            public void cancel() {
                // nothing to release
            }
        }));
    }
}
