package io.eventflow.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;

/** Wrong methods and content types answer as problem details with their own 4xx status. */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() == 404) {
            // an empty 404 tells Helidon that JAX-RS has no such route, so /health, /metrics and /openapi
            // (served outside JAX-RS) still get their turn
            return exception.getResponse();
        }
        String detail = switch (status.getStatusCode()) {
            case 405 -> "This endpoint does not accept that HTTP method. See /openapi for the API.";
            case 415 -> "Send the event as JSON with the header 'Content-Type: application/json'.";
            case 406 -> "This endpoint answers with JSON; accept application/json.";
            default -> status.getReasonPhrase();
        };
        return Response.status(status.getStatusCode()).type(Problems.PROBLEM_JSON)
                .entity(Problems.body(status.getStatusCode(), status.getReasonPhrase(), detail)).build();
    }
}
