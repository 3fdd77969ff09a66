package io.eventflow.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * The accepted API keys, held only as SHA-256 hashes and checked in constant time.
 *
 * <p>Entries are {@code name:secret}, or {@code name:sha256:<64 hex digits>} to configure a key by its hash
 * so that no secret sits in a config file; an entry without a name is called {@code key-<n>}. Either form may end
 * with {@code :<scopes>}, scope names joined by {@code +} ({@code publish}, {@code read}, {@code admin}), e.g.
 * {@code dashboard:sha256:<hex>:read}; an entry without scopes has all of them, so entries written before scopes
 * existed keep working.
 */
public final class ApiKeys {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final Pattern SCOPES = Pattern.compile("[A-Za-z]+(\\+[A-Za-z]+)*");
    private static final int MIN_SECRET_LENGTH = 16;

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses entries (one per item, blank items and {@code #} comments ignored); rejects weak or duplicate ones. */
    public static ApiKeys parse(List<String> items) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String item : items) {
            String trimmed = item.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Entry entry = entry(trimmed, entries.size() + 1);
            if (!names.add(entry.key().name())) {
                throw new IllegalArgumentException("API key name '" + entry.key().name() + "' is used twice");
            }
            entries.add(entry);
        }
        return new ApiKeys(entries);
    }

    /** True when no key is configured. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many keys are configured. */
    public int size() {
        return entries.size();
    }

    /** The key the client presented, if it is one of ours; every stored hash is compared. */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = sha256(presented);
        ApiKey match = null;
        for (Entry entry : entries) {
            // no early exit: the time taken does not depend on which key matched
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The name of the key the client presented, if it is one of ours. */
    public Optional<String> nameOf(String presented) {
        return find(presented).map(ApiKey::name);
    }

    /** One line per key for the startup log: name, opaque id, scopes; never a secret or a hash. */
    public String describe() {
        return entries.stream().map(Entry::key)
                .map(key -> key.name() + " (id " + key.id() + ": " + key.scopes().stream().sorted()
                        .map(Scope::id).collect(Collectors.joining("+")) + ")")
                .collect(Collectors.joining(", "));
    }

    private static Entry entry(String item, int position) {
        int colon = item.indexOf(':');
        String name = colon < 0 ? "key-" + position : item.substring(0, colon).strip();
        String rest = colon < 0 ? item : item.substring(colon + 1).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("API key name '" + name + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        Set<Scope> scopes = EnumSet.allOf(Scope.class);
        int last = rest.lastIndexOf(':');
        if (last > 0 && looksLikeScopes(rest.substring(last + 1)) && !HASHED.matcher(rest).matches()) {
            scopes = scopes(name, rest.substring(last + 1));
            rest = rest.substring(0, last).strip();
        }
        if (HASHED.matcher(rest).matches()) {
            return entryOf(name, HexFormat.of().parseHex(rest.substring("sha256:".length())), scopes);
        }
        if (rest.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("API key '" + name + "' is shorter than " + MIN_SECRET_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");
        }
        return entryOf(name, sha256(rest), scopes);
    }

    // a suffix naming at least one scope is a scope list (a typo in another part is an error); any other suffix
    // is part of a secret that contains a colon, as entries written before scopes existed may
    private static boolean looksLikeScopes(String suffix) {
        return SCOPES.matcher(suffix).matches()
                && Arrays.stream(suffix.split("\\+")).anyMatch(id -> Scope.of(id).isPresent());
    }

    private static Set<Scope> scopes(String name, String list) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String id : list.split("\\+")) {
            scopes.add(Scope.of(id).orElseThrow(() -> new IllegalArgumentException("API key '" + name
                    + "' has an unknown scope '" + id + "'; scopes are publish, read and admin, joined with '+'")));
        }
        return scopes;
    }

    private static Entry entryOf(String name, byte[] hash, Set<Scope> scopes) {
        // the id comes from the hash, so a metric label tells keys apart without naming them
        String id = HexFormat.of().formatHex(digest(hash)).substring(0, 8);
        return new Entry(new ApiKey(name, id, scopes), hash);
    }

    /** SHA-256 of a key's UTF-8 bytes. */
    public static byte[] sha256(String value) {
        return digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private record Entry(ApiKey key, byte[] hash) {
    }
}
