package io.eventflow.subscriber.config;

import io.eventflow.subscriber.application.BrowseDeadLettersService;
import io.eventflow.subscriber.application.QueryEventOverviewService;
import io.eventflow.subscriber.application.RedriveDeadLettersService;
import io.eventflow.subscriber.application.port.in.BrowseDeadLettersUseCase;
import io.eventflow.subscriber.application.port.in.QueryEventOverviewUseCase;
import io.eventflow.subscriber.application.port.in.RedriveDeadLettersUseCase;
import io.eventflow.subscriber.application.port.out.DeadLetterPort;
import io.eventflow.subscriber.application.port.out.EventOverviewPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** CDI wiring of the operator's use cases: dead-letter browse and redrive, the overview of the console. */
@ApplicationScoped
class OperatorConfiguration {

    @Produces
    @ApplicationScoped
    BrowseDeadLettersUseCase browseDeadLettersUseCase(DeadLetterPort deadLetters) {
        return new BrowseDeadLettersService(deadLetters);
    }

    @Produces
    @ApplicationScoped
    RedriveDeadLettersUseCase redriveDeadLettersUseCase(DeadLetterPort deadLetters) {
        return new RedriveDeadLettersService(deadLetters);
    }

    @Produces
    @ApplicationScoped
    QueryEventOverviewUseCase queryEventOverviewUseCase(EventOverviewPort events) {
        return new QueryEventOverviewService(events);
    }
}
