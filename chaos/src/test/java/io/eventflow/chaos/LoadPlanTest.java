package io.eventflow.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadPlanTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void plansEveryEventOnceWithItsSequenceNumberInTheBody() throws Exception {
        LoadPlan plan = LoadPlan.of(1_000, 250);

        List<Long> seqs = plan.units().stream().flatMap(unit -> unit.events().stream()).map(LoadPlan.Event::seq).toList();
        assertThat(seqs).containsExactlyElementsOf(LongStream.range(0, 1_000).boxed().toList());
        for (LoadPlan.Unit unit : plan.units()) {
            JsonNode body = json.readTree(unit.body());
            List<JsonNode> events = new ArrayList<>();
            if (unit.batch()) {
                body.forEach(events::add);
            } else {
                events.add(body);
            }
            assertThat(events).hasSameSizeAs(unit.events());
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                JsonNode free = event.has("metadata") ? event.get("metadata") : event.get("data");
                assertThat(free.get("chaos_seq").asLong()).isEqualTo(unit.events().get(i).seq());
            }
        }
    }

    @Test
    void mixesSinglePostsOfBothTypesWithBatchesThatNameTheirType() throws Exception {
        LoadPlan plan = LoadPlan.of(1_000, 250);

        assertThat(plan.units()).extracting(LoadPlan.Unit::path).contains("/api/v1/events/analytics",
                "/api/v1/events/chemical", "/api/v1/events/batch");
        LoadPlan.Unit batch = plan.units().stream().filter(LoadPlan.Unit::batch).findFirst().orElseThrow();
        assertThat(batch.events()).hasSize(LoadPlan.BATCH_SIZE);
        assertThat(json.readTree(batch.body()).get(0).get("type").asText()).isIn("user_analytics", "chemical_research");
        assertThat(plan.units()).extracting(LoadPlan.Unit::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void spreadsTheSendTimesAtTheRequestedRate() {
        LoadPlan plan = LoadPlan.of(1_000, 250);

        LoadPlan.Unit last = plan.units().getLast();
        assertThat(last.dueNanos()).isBetween(3_800_000_000L, 4_000_000_000L);
        assertThat(plan.units()).extracting(LoadPlan.Unit::dueNanos).isSorted();
    }
}
