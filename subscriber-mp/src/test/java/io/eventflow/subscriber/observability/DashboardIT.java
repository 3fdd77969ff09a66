package io.eventflow.subscriber.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.eventflow.testing.Devkit;
import io.eventflow.testing.Infrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The JobRunr dashboard listens on the configured address only, behind the configured basic auth. */
@ExtendWith({Infrastructure.class, DashboardIT.DashboardPort.class})
@HelidonTest
@AddConfig(key = "eventflow.dashboard.host", value = "127.0.0.1")
@AddConfig(key = "eventflow.dashboard.username", value = "ops")
@AddConfig(key = "eventflow.dashboard.password", value = "dashboard-secret")
class DashboardIT {

    private static final int PORT = Devkit.freePort();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheDashboardWithBasicAuthOnTheConfiguredAddress() throws Exception {
        assertThat(get("http://127.0.0.1:" + PORT + "/api/jobs/default-jobs", null).statusCode()).isEqualTo(401);
        assertThat(get("http://127.0.0.1:" + PORT + "/api/problems", "ops:wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> api = get("http://127.0.0.1:" + PORT + "/api/problems", "ops:dashboard-secret");
        assertThat(api.statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("http://127.0.0.1:" + PORT + "/dashboard/", "ops:dashboard-secret");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("jobrunr");
    }

    @Test
    void isNotReachableOnOtherAddresses() throws Exception {
        // another loopback address: a server bound to 127.0.0.1 alone refuses it
        String url = "http://127.0.0.2:" + PORT + "/dashboard/";
        assertThat(reachable(url)).as(url).isFalse();
    }

    private boolean reachable(String url) {
        try {
            get(url, "ops:dashboard-secret");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Puts the dashboard on a free port before the container reads its configuration. */
    static final class DashboardPort implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty("eventflow.dashboard.port", String.valueOf(PORT));
        }
    }

    private HttpResponse<String> get(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
