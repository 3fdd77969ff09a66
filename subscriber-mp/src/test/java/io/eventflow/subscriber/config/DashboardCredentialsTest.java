package io.eventflow.subscriber.config;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static io.eventflow.subscriber.config.JobRunrLifecycle.JobRunrSettings.dashboardCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's basic auth takes a username and a password together, or neither. */
class DashboardCredentialsTest {

    @Test
    void stopsTheStartWhenOnlyTheUsernameIsSet() {
        assertThatThrownBy(() -> dashboardCredentials(Optional.of("admin"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the username is set")
                .hasMessageContaining("eventflow.dashboard.password")
                .hasMessageContaining("EVENTFLOW_DASHBOARD_PASSWORD");
    }

    @Test
    void stopsTheStartWhenOnlyThePasswordIsSetOrTheUsernameIsBlank() {
        assertThatThrownBy(() -> dashboardCredentials(Optional.of(" "), Optional.of("s3cret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the password is set");
    }

    @Test
    void takesBothOrNeither() {
        assertThat(dashboardCredentials(Optional.of("admin"), Optional.of("s3cret")))
                .hasValueSatisfying(pair -> assertThat(pair).containsExactly("admin", "s3cret"));
        assertThat(dashboardCredentials(Optional.empty(), Optional.empty())).isEmpty();
    }
}
