package org.jobrunr.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.ThreadSafeStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * JobRunr's dashboard on an address of our choosing. JobRunr OSS binds its dashboard to every interface
 * and offers no setting for it; this class lives in JobRunr's package only to reach the handler
 * factories of {@link JobRunrDashboardWebServer} and serves those same handlers from a server bound to
 * the configured host, with optional basic auth (credentials compared in constant time).
 *
 * <p>Neither those factories nor what {@code start()} registers are JobRunr's public API, so this class is written
 * for one JobRunr version, {@link #JOBRUNR_VERSION}; a test of this module fails while any other is on the classpath.
 */
public final class BoundDashboardServer implements AutoCloseable {

    /** The JobRunr version this class was written and tested against. */
    public static final String JOBRUNR_VERSION = "8.2.4";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<HttpExchangeHandler> handlers;

    private BoundDashboardServer(HttpServer server, ExecutorService executor, List<HttpExchangeHandler> handlers) {
        this.server = server;
        this.executor = executor;
        this.handlers = handlers;
    }

    /** Starts the dashboard on {@code host:port}; credentials, when present, protect every page and API. */
    public static BoundDashboardServer start(StorageProvider storage, JsonMapper mapper, String host, int port,
                                             Optional<String[]> credentials) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            JobRunrDashboardWebServer factories = new JobRunrDashboardWebServer(storage, mapper,
                    JobRunrDashboardWebServerConfiguration.usingStandardDashboardConfiguration()
                            .andPort(port).andAllowAnonymousDataUsage(false));
            // as JobRunr's own start(): the handlers share the storage through its job-locking wrapper
            StorageProvider shared = new ThreadSafeStorageProvider(storage);
            RedirectHttpHandler redirect = new RedirectHttpHandler("/", "/dashboard");
            List<HttpExchangeHandler> secured = List.of(factories.createStaticFileHandler(),
                    factories.createApiHandler(shared, mapper, false), factories.createSSeHandler(shared, mapper));
            server.createContext(redirect.getContextPath(), redirect);
            for (HttpExchangeHandler handler : secured) {
                var context = server.createContext(handler.getContextPath(), handler);
                credentials.ifPresent(c -> context.setAuthenticator(authenticator(c[0], c[1])));
            }
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.start();
            return new BoundDashboardServer(server, executor, List.of(redirect, secured.get(0), secured.get(1),
                    secured.get(2)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the JobRunr dashboard on " + host + ":" + port, e);
        }
    }

    /** The port the dashboard listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.forEach(HttpExchangeHandler::close);
        executor.shutdownNow();
    }

    private static BasicAuthenticator authenticator(String username, String password) {
        byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
        byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
        return new BasicAuthenticator("JobRunr dashboard") {
            @Override
            public boolean checkCredentials(String user, String pass) {
                boolean userMatches = MessageDigest.isEqual(expectedUser, user.getBytes(StandardCharsets.UTF_8));
                boolean passwordMatches = MessageDigest.isEqual(expectedPassword, pass.getBytes(StandardCharsets.UTF_8));
                return userMatches & passwordMatches;
            }
        };
    }
}
