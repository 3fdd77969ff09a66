/**
 * API keys shared by both services: the key list and its scopes ({@link io.eventflow.web.security.ApiKeys}), the
 * authentication filter that sets the request's principal ({@link io.eventflow.web.security.ApiKeyFilter}), the
 * per-key rate limit and the per-address throttle on wrong keys. Each service produces the beans it configures
 * ({@code ApiKeyPolicy}, {@code RouteScopes}, {@code RateLimiter}, {@code AuthFailureThrottle}) in its config package.
 */
package io.eventflow.web.security;
