package io.eventflow.web.security;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The security context of a request that presented a valid API key: the principal's name is the key's name, and
 * its roles are the key's scopes ({@code isUserInRole("read")}).
 */
final class KeySecurityContext implements SecurityContext {

    private final ApiKey key;
    private final boolean secure;
    private final String scheme;

    KeySecurityContext(ApiKey key, boolean secure, String scheme) {
        this.key = key;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return key::name;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && Scope.of(role).map(key::may).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
