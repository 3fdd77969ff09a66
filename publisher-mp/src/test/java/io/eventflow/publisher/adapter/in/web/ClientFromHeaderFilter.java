package io.eventflow.publisher.adapter.in.web;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Test stand-in for the API-key filter: names the request's client by its {@code X-Test-Client} header in the
 * security context, as the real filter does with the key's name, so idempotency scoping can be tested alone.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ClientFromHeaderFilter implements ContainerRequestFilter {

    static final String HEADER = "X-Test-Client";

    @Override
    public void filter(ContainerRequestContext request) {
        String client = request.getHeaderString(HEADER);
        if (client == null) {
            return;
        }
        Principal principal = () -> client;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "test";
            }
        });
    }
}
