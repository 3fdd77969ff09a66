package io.eventflow.publisher.adapter.in.web.security;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String CI_KEY = "ci-secret-0123456789abcdef";
    private static final String PARTNER_KEY = "partner-secret-0123456789";

    @Test
    void namesTheKeyThatMatches() {
        ApiKeys keys = ApiKeys.parse(List.of("ci:" + CI_KEY, " partner : " + PARTNER_KEY + " "));

        assertThat(keys.nameOf(CI_KEY)).contains("ci");
        assertThat(keys.nameOf(PARTNER_KEY)).contains("partner");
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownKey() {
        ApiKeys keys = ApiKeys.parse(List.of("ci:" + CI_KEY));

        assertThat(keys.nameOf(CI_KEY + "x")).isEmpty();
        assertThat(keys.nameOf("")).isEmpty();
    }

    @Test
    void acceptsAKeyConfiguredByItsSha256() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256(PARTNER_KEY));

        ApiKeys keys = ApiKeys.parse(List.of("partner:sha256:" + hash));

        assertThat(keys.nameOf(PARTNER_KEY)).contains("partner");
        assertThat(keys.nameOf("sha256:" + hash)).isEmpty();
    }

    @Test
    void namesAKeyWithoutNameByItsPosition() {
        ApiKeys keys = ApiKeys.parse(List.of("# a comment", "", CI_KEY));

        assertThat(keys.nameOf(CI_KEY)).contains("key-1");
    }

    @Test
    void rejectsShortKeysAndDuplicateNames() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ci:short"))).hasMessageContaining("shorter than 16");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ci:" + CI_KEY, "ci:" + PARTNER_KEY)))
                .hasMessageContaining("'ci' is used twice");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("bad name:" + CI_KEY))).hasMessageContaining("must be 1-64");
    }

    @Test
    void policyRefusesToRequireKeysWhenNoneIsConfigured() {
        assertThatThrownBy(() -> ApiKeyPolicy.requiring(ApiKeys.parse(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EVENTFLOW_SECURITY_API_KEYS")
                .hasMessageContaining("eventflow.security.enabled=false");
        assertThat(ApiKeyPolicy.off().required()).isFalse();
    }
}
