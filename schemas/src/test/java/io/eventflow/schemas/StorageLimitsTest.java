package io.eventflow.schemas;

import static io.eventflow.schemas.Events.SCHEMAS;
import static io.eventflow.schemas.Events.analytics;
import static io.eventflow.schemas.Events.chemical;
import static io.eventflow.schemas.Events.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schemas refuse what the database cannot store: longer strings than their columns, NUL, lone surrogates. */
class StorageLimitsTest {

    private static final Pattern VARCHAR = Pattern.compile("(\\w+)\\s+VARCHAR\\((\\d+)\\)");

    @ParameterizedTest
    @CsvSource({"user_analytics, user_id, 255", "user_analytics, event_type, 100",
            "chemical_research, molecule_id, 255", "chemical_research, researcher, 255"})
    void acceptsAStringAsLongAsItsColumnAndRefusesOneLonger(String type, String field, int column) {
        ObjectNode event = type.equals("user_analytics") ? analytics() : chemical();

        assertThat(SCHEMAS.validate(type, event.put(field, "x".repeat(column)))).isEmpty();
        assertThat(SCHEMAS.validate(type, event.put(field, "x".repeat(column + 1))))
                .containsExactly(new Violation(field, "/" + field, "must be at most " + column + " characters long"));
    }

    @Test
    void countsCharactersNotUtf16UnitsAsPostgresqlDoes() {
        // 255 characters outside the BMP: 510 UTF-16 units, but 255 characters in a VARCHAR(255)
        assertThat(SCHEMAS.validate("user_analytics", analytics().put("user_id", "\uD83D\uDE00".repeat(255)))).isEmpty();
    }

    @Test
    void everyVarcharColumnOfAContractFieldHasItsSizeAsMaxLength() throws IOException {
        Map<String, Integer> columns = varcharColumns();
        for (String type : new String[] {"user_analytics", "chemical_research"}) {
            var properties = json(SCHEMAS.document(type, 1).orElseThrow()).path("properties");
            properties.fieldNames().forEachRemaining(name -> {
                if (columns.containsKey(name) && properties.path(name).path("type").asText().equals("string")) {
                    assertThat(properties.path(name).path("maxLength").asInt())
                            .as("maxLength of %s.%s", type, name).isEqualTo(columns.get(name));
                }
            });
        }
    }

    @Test
    void refusesNulInAValueAtAnyDepth() {
        ObjectNode event = analytics();
        ((ObjectNode) event.get("metadata")).putObject("nested").putArray("list").add("ok").add("a\u0000b");

        assertThat(SCHEMAS.validate("user_analytics", event))
                .containsExactly(new Violation("metadata.nested.list[1]", "/metadata/nested/list/1", StorableText.REASON));
    }

    @Test
    void refusesNulInAPropertyName() {
        ObjectNode event = chemical();
        ((ObjectNode) event.get("data")).put("for\u0000mula", "H2O");

        assertThat(SCHEMAS.validate("chemical_research", event))
                .containsExactly(new Violation("data.for\\u0000mula", "/data/for\\u0000mula", StorableText.REASON));
    }

    @Test
    void refusesNulInAContractFieldAndAnUnknownExtra() {
        ObjectNode event = analytics().put("user_id", "\u0000").put("extra", "x\u0000");

        assertThat(SCHEMAS.validate("user_analytics", event)).extracting(Violation::field)
                .containsExactly("extra", "user_id");
    }

    @Test
    void refusesAnUnpairedSurrogateButAcceptsAPair() {
        assertThat(SCHEMAS.validate("user_analytics", analytics().put("event_type", "\uD83D"))).hasSize(1);
        assertThat(SCHEMAS.validate("user_analytics", analytics().put("event_type", "\uDE00x"))).hasSize(1);
        assertThat(SCHEMAS.validate("user_analytics", analytics().put("event_type", "\uD83D\uDE00"))).isEmpty();
    }

    @Test
    void namesAtMostTwentyFields() {
        ObjectNode event = analytics();
        ObjectNode metadata = (ObjectNode) event.get("metadata");
        for (int i = 0; i < 1000; i++) {
            metadata.put("k" + i, "\u0000");
        }

        assertThat(SCHEMAS.validate("user_analytics", event)).hasSize(StorableText.MAX_REPORTED);
    }

    // the migrations are the truth about the columns: read them rather than repeat their sizes here
    private static Map<String, Integer> varcharColumns() throws IOException {
        Path migrations = Path.of("..", "subscriber-mp", "src", "main", "resources", "db", "migration");
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (var files = Files.list(migrations)) {
            files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
                try {
                    Matcher column = VARCHAR.matcher(Files.readString(file));
                    while (column.find()) {
                        columns.putIfAbsent(column.group(1), Integer.parseInt(column.group(2)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(columns).containsKeys("user_id", "event_type", "molecule_id", "researcher");
        return columns;
    }
}
