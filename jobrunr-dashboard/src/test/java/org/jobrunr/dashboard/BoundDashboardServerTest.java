package org.jobrunr.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JobRunr's dashboard as {@link BoundDashboardServer} serves it, over JobRunr's in-memory storage: on the address asked
 * for and no other, every page and API behind basic auth when credentials are set, and nothing left bound after close.
 */
class BoundDashboardServerTest {

    private static final String HOST = "127.0.0.1";
    private static final Optional<String[]> CREDENTIALS = Optional.of(new String[] {"ops", "dashboard-secret"});
    // an event stream's status line comes with its first event: JobRunr's storage sends the first after 3 s
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JsonMapper mapper = new JacksonJsonMapper();
    private final InMemoryStorageProvider storage = new InMemoryStorageProvider();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @BeforeEach
    void mapJobs() {
        storage.setJobMapper(new JobMapper(mapper));
    }

    @AfterEach
    void closeClient() {
        http.close();
    }

    @Test
    void servesTheDashboardOnTheAskedHostAndAFreePortWhenAskedForPortZero() throws Exception {
        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, Optional.empty())) {
            HttpResponse<String> page = get(HOST, dashboard.port(), "/dashboard", null);

            assertThat(dashboard.port()).isPositive();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>JobRunr</title>");
            // every 127.x address is this host's loopback: one the server is not bound to refuses the connection
            assertThatThrownBy(() -> get("127.0.0.2", dashboard.port(), "/dashboard", null))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void servesTheDashboardOnTheAskedPort() throws Exception {
        int port = freePort();

        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, port, Optional.empty())) {
            assertThat(dashboard.port()).isEqualTo(port);
            assertThat(get(HOST, port, "/dashboard", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void redirectsTheRootToTheDashboard() throws Exception {
        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, CREDENTIALS)) {
            HttpResponse<String> root = get(HOST, dashboard.port(), "/", null);

            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(root.headers().firstValue("Location")).contains("/dashboard");
        }
    }

    /** A page, a client-side route and a file of the dashboard's app, each API the app reads, both event streams. */
    static List<String> pagesAndApis() {
        return List.of("/dashboard", "/dashboard/jobs", "/dashboard/manifest.json", "/api/jobs?state=ENQUEUED",
                "/api/problems", "/api/servers", "/api/recurring-jobs", "/api/version", "/sse/jobstats", "/sse/servers");
    }

    @ParameterizedTest
    @MethodSource("pagesAndApis")
    void answersEveryPageAndApiOnlyWithTheCredentials(String path) throws Exception {
        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, CREDENTIALS)) {
            int port = dashboard.port();

            assertThat(status(port, path, null)).as("without credentials").isEqualTo(401);
            assertThat(status(port, path, "ops:wrong")).as("with a wrong password").isEqualTo(401);
            assertThat(status(port, path, "someone:dashboard-secret")).as("with a wrong username").isEqualTo(401);
            assertThat(status(port, path, "ops:dashboard-secret")).as("with the credentials").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("pagesAndApis")
    void answersEveryPageAndApiWithoutCredentialsWhenNoneAreSet(String path) throws Exception {
        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, Optional.empty())) {
            assertThat(status(dashboard.port(), path, null)).isEqualTo(200);
        }
    }

    @Test
    void servesTheJobsOfTheGivenStorage() throws Exception {
        Job job = storage.save(new Job(new JobDetails("java.lang.System", "out", "println",
                List.of(new JobParameter(String.class, "hello")))));

        try (BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, CREDENTIALS)) {
            HttpResponse<String> stored = get(HOST, dashboard.port(), "/api/jobs/" + job.getId(), "ops:dashboard-secret");
            HttpResponse<String> unknown = get(HOST, dashboard.port(), "/api/jobs/" + UUID.randomUUID(),
                    "ops:dashboard-secret");

            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).contains(job.getId().toString(), "println");
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        BoundDashboardServer dashboard = BoundDashboardServer.start(storage, mapper, HOST, 0, Optional.empty());
        int port = dashboard.port();
        assertThat(status(port, "/sse/jobstats", null)).isEqualTo(200);
        assertThatThrownBy(() -> bind(port)).as("binding the port while the dashboard listens")
                .isInstanceOf(BindException.class);

        dashboard.close();

        assertThatThrownBy(() -> status(port, "/dashboard", null)).isInstanceOf(ConnectException.class);
        bind(port);
    }

    private static void bind(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, port));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** The status of a GET, without reading the body: the server-sent event streams never end. */
    private int status(int port, String path, String credentials) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(HOST, port, path, credentials), BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private HttpResponse<String> get(String host, int port, String path, String credentials)
            throws IOException, InterruptedException {
        return http.send(request(host, port, path, credentials), BodyHandlers.ofString());
    }

    private static HttpRequest request(String host, int port, String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(TIMEOUT);
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }
}
