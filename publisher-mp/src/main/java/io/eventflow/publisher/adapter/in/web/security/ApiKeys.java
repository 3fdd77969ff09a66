package io.eventflow.publisher.adapter.in.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accepted API keys, held only as SHA-256 hashes and checked in constant time.
 *
 * <p>Entries are {@code name:secret}, or {@code name:sha256:<64 hex digits>} to configure a key by its hash
 * so that no secret sits in a config file; an entry without a name is called {@code key-<n>}.
 */
public final class ApiKeys {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-fA-F]{64}");
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
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("API key name '" + entry.name() + "' is used twice");
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

    /** The name of the key the client presented, if it is one of ours; every stored hash is compared. */
    public Optional<String> nameOf(String presented) {
        byte[] hash = sha256(presented);
        String match = null;
        for (Entry entry : entries) {
            // no early exit: the time taken does not depend on which key matched
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    private static Entry entry(String item, int position) {
        int colon = item.indexOf(':');
        String name = colon < 0 ? "key-" + position : item.substring(0, colon).strip();
        String secret = colon < 0 ? item : item.substring(colon + 1).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("API key name '" + name + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (HASHED.matcher(secret).matches()) {
            return new Entry(name, HexFormat.of().parseHex(secret.substring("sha256:".length())));
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("API key '" + name + "' is shorter than " + MIN_SECRET_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");
        }
        return new Entry(name, sha256(secret));
    }

    /** SHA-256 of a key's UTF-8 bytes. */
    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private record Entry(String name, byte[] hash) {
    }
}
