package io.eventflow.e2e.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys the services read, found in the source tree at test time, and MicroProfile Config's
 * environment-variable mapping of them ({@code eventflow.dashboard.host} is read from {@code EVENTFLOW_DASHBOARD_HOST}).
 *
 * <p>Keys come from every shipped module's {@code META-INF/microprofile-config.properties} (profile prefixes such as
 * {@code %worker.} removed) and from string literals in its {@code src/main/java} that look like dotted keys
 * ({@code @ConfigProperty(name = ...)}, {@code config.getValue(...)}), including a literal prefix ending in a dot
 * joined to another literal ({@code PREFIX + "openai.model"}). The set is the union over all shipped modules, so a
 * key one service reads counts for the other too.
 */
public final class ServiceConfigKeys {

    /** Keys that MicroProfile Config itself reads. */
    private static final Set<String> RUNTIME_KEYS = Set.of("mp.config.profile");
    /** Modules that are not shipped in a service image. */
    private static final Set<String> TOOLING = Set.of("benchmarks", "devkit", "test-support", "e2e-tests");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.?)\"");

    private final Set<String> keys;

    private ServiceConfigKeys(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /** Scans every shipped module under the project root. */
    public static ServiceConfigKeys scan(Path projectRoot) {
        Set<String> keys = new TreeSet<>(RUNTIME_KEYS);
        try (Stream<Path> modules = Files.list(projectRoot)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main"))).toList()) {
                if (!TOOLING.contains(module.getFileName().toString())) {
                    keys.addAll(propertiesKeys(module.resolve("src/main/resources/META-INF/microprofile-config.properties")));
                    keys.addAll(javaKeys(module.resolve("src/main/java")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfigKeys(keys);
    }

    /** The keys found. */
    public Set<String> keys() {
        return keys;
    }

    /** The key an environment variable sets, if it sets one the services read. */
    public Optional<String> keyOf(String environmentVariable) {
        return keys.stream().filter(key -> environmentName(key).equals(environmentVariable)).findFirst();
    }

    /** MicroProfile Config's environment-variable name for a key: non-alphanumerics to underscores, upper case. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The properties of a service's {@code microprofile-config.properties}, as the file states them. */
    public static Properties serviceDefaults(Path projectRoot, String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                projectRoot.resolve(module).resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> propertiesKeys(Path file) throws IOException {
        Set<String> keys = new HashSet<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            // %profile.key is the key in that profile
            properties.stringPropertyNames().forEach(name -> keys.add(name.replaceFirst("^%[^.]+\\.", "")));
        }
        return keys;
    }

    private static Set<String> javaKeys(Path sources) throws IOException {
        Set<String> literals = new HashSet<>();
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = LITERAL.matcher(Files.readString(file));
                    while (matcher.find()) {
                        literals.add(matcher.group(1));
                    }
                }
            }
        }
        Set<String> keys = new HashSet<>();
        for (String literal : literals) {
            if (literal.endsWith(".")) {
                literals.stream().filter(s -> !s.endsWith(".")).forEach(suffix -> keys.add(literal + suffix));
            } else if (literal.contains(".")) {
                keys.add(literal);
            }
        }
        return keys;
    }
}
