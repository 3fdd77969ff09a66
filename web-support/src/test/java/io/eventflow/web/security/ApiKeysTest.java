package io.eventflow.web.security;

import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing API key entries, with and without hashes and scopes, and looking keys up. */
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

    @Test
    void givesAnEntryWithoutScopesEveryScope() {
        ApiKeys keys = ApiKeys.parse(List.of("local:" + CI_KEY));

        assertThat(keys.find(CI_KEY)).hasValueSatisfying(key ->
                assertThat(key.scopes()).isEqualTo(EnumSet.allOf(Scope.class)));
    }

    @Test
    void readsScopesAfterASecretOrAHash() {
        String hash = HexFormat.of().formatHex(ApiKeys.sha256(PARTNER_KEY));

        ApiKeys keys = ApiKeys.parse(List.of("ops:" + CI_KEY + ":read+admin", "dash:sha256:" + hash + ":read"));

        assertThat(keys.find(CI_KEY).orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.ADMIN);
        assertThat(keys.find(PARTNER_KEY).orElseThrow().scopes()).containsExactly(Scope.READ);
        assertThat(keys.find(PARTNER_KEY).orElseThrow().may(Scope.ADMIN)).isFalse();
    }

    @Test
    void keepsAColonInAnOldSecretThatNamesNoScope() {
        ApiKeys keys = ApiKeys.parse(List.of("old:" + CI_KEY + ":tail"));

        assertThat(keys.nameOf(CI_KEY + ":tail")).contains("old");
    }

    @Test
    void rejectsAnUnknownScopeNextToAKnownOne() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ops:" + CI_KEY + ":read+admn")))
                .hasMessageContaining("unknown scope 'admn'");
    }

    @Test
    void derivesAnOpaqueIdFromTheHashNotTheName() {
        ApiKey first = ApiKeys.parse(List.of("ci:" + CI_KEY)).find(CI_KEY).orElseThrow();
        ApiKey renamed = ApiKeys.parse(List.of("other:" + CI_KEY)).find(CI_KEY).orElseThrow();
        ApiKey another = ApiKeys.parse(List.of("ci:" + PARTNER_KEY)).find(PARTNER_KEY).orElseThrow();

        assertThat(first.id()).matches("[0-9a-f]{8}").isEqualTo(renamed.id()).isNotEqualTo(another.id());
        assertThat(ApiKeys.parse(List.of("ci:" + CI_KEY)).describe()).contains("ci (id " + first.id())
                .doesNotContain(CI_KEY);
    }
}
