package io.eventflow.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecuritySettingsTest {

    private static final String KEY = "local-0123456789abcdef";
    private final SecuritySettings configuration = new SecuritySettings();

    @Test
    void readsKeysFromTheListAndTheSecretFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("keys"), "# partner keys\npartner:partner-0123456789abcdef\n");

        ApiKeyPolicy policy = configuration.apiKeyPolicy(true, Optional.of("local:" + KEY),
                Optional.of(file.toString()));

        assertThat(policy.required()).isTrue();
        assertThat(policy.keys().nameOf(KEY)).contains("local");
        assertThat(policy.keys().nameOf("partner-0123456789abcdef")).contains("partner");
    }

    @Test
    void refusesToStartWhenKeysAreRequiredButNoneIsConfigured() {
        assertThatThrownBy(() -> configuration.apiKeyPolicy(true, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none is configured");
    }

    @Test
    void refusesToStartWhenTheKeyFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> configuration.apiKeyPolicy(true, Optional.empty(),
                Optional.of(dir.resolve("absent").toString())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("eventflow.security.api-keys-file");
    }

    @Test
    void turnsKeysOffOnlyWhenToldTo() {
        assertThat(configuration.apiKeyPolicy(false, Optional.empty(), Optional.empty()).required()).isFalse();
    }

    @Test
    void buildsTheRateLimiterFromItsSettings() {
        assertThat(configuration.rateLimiter(true, 60, 5).perMinute()).isEqualTo(60);
        assertThat(configuration.rateLimiter(false, 60, 5).enabled()).isFalse();
    }
}
