package io.eventflow.enrichment.backend;

import static io.eventflow.enrichment.support.ChatCompletions.WATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerParserTest {

    private final AnswerParser parser = new AnswerParser(new PropertiesSchema());

    @Test
    void acceptsNullPh() {
        assertThat(parser.parse(WATER.replace("7.0", "null")).ph()).isNull();
    }

    @Test
    void stripsAMarkdownFence() {
        assertThat(parser.parse("```json\n" + WATER + "\n```").color()).isEqualTo("colorless");
    }

    @Test
    void rejectsTrailingText() {
        assertThatThrownBy(() -> parser.parse(WATER + " and that is all"))
                .isInstanceOf(PermanentBackendException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsOutOfRangeNumbers() {
        assertThatThrownBy(() -> parser.parse(WATER.replace("0.9}", "1.5}"))).hasMessageContaining("schema");
        assertThatThrownBy(() -> parser.parse(WATER.replace("7.0", "99"))).hasMessageContaining("schema");
    }

    @Test
    void rejectsNonObjectsAndEmptyAnswers() {
        assertThatThrownBy(() -> parser.parse("[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(null)).hasMessageContaining("empty");
    }

    @Test
    void rejectsNulInAnyTextAsAnInvalidAnswer() {
        // the JSON escape decodes to U+0000, which PostgreSQL's jsonb refuses
        assertThatThrownBy(() -> parser.parse(WATER.replace("colorless", "color\\u0000less")))
                .isInstanceOfSatisfying(PermanentBackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_ANSWER))
                .hasMessageContaining("U+0000").hasMessageContaining("color");
        assertThatThrownBy(() -> parser.parse(WATER.replace("\"toxicity\"", "\"tox\\u0000icity\"")))
                .hasMessageContaining("U+0000");
    }

    @Test
    void rejectsAnUnpairedSurrogateEscape() {
        assertThatThrownBy(() -> parser.parse(WATER.replace("colorless", "\\ud800"))).hasMessageContaining("U+0000");
    }
}
