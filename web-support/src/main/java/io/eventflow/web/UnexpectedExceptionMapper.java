package io.eventflow.web;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.WebApplicationException;

/** A bug must not leak a stack trace to clients: log it, answer a plain 500 problem. */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOGGER = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            return new WebApplicationExceptionMapper().toResponse(web);
        }
        LOGGER.log(Level.SEVERE, "Unexpected error", exception);
        return Problems.problem(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be processed; the error was logged. Retry, and report it if it persists.");
    }
}
