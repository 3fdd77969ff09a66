package io.eventflow.subscriber.adapter.in.web;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.eventflow.subscriber.application.port.out.DeadLettersUnavailableException;
import io.eventflow.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A broker that cannot be reached while browsing or redriving dead letters: 503 with Retry-After, not a 500. */
@Provider
@ApplicationScoped
public class DeadLetterExceptionMapper implements ExceptionMapper<DeadLettersUnavailableException> {

    private static final Logger LOGGER = Logger.getLogger(DeadLetterExceptionMapper.class.getName());

    @Override
    public Response toResponse(DeadLettersUnavailableException exception) {
        LOGGER.log(Level.WARNING, exception.getMessage(), exception);
        return Response.fromResponse(Problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Kafka unavailable",
                exception.getMessage())).header("Retry-After", "10").build();
    }
}
