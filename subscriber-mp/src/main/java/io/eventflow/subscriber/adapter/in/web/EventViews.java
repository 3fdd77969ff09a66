package io.eventflow.subscriber.adapter.in.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.eventflow.subscriber.domain.StoredResearchEvent;
import io.eventflow.subscriber.domain.StoredUserEvent;

/** The JSON shapes of stored events (the contract's field names, ISO-8601 times). */
final class EventViews {

    private EventViews() {
    }

    static Map<String, Object> user(StoredUserEvent e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("event_id", e.eventId().toString());
        view.put("user_id", e.userId());
        view.put("event_type", e.eventType());
        view.put("timestamp", iso(e.timestamp()));
        view.put("metadata", e.metadata());
        view.put("processed_at", iso(e.processedAt()));
        return view;
    }

    static Map<String, Object> research(StoredResearchEvent e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("event_id", e.eventId().toString());
        view.put("molecule_id", e.moleculeId());
        view.put("researcher", e.researcher());
        view.put("data", e.data());
        view.put("timestamp", iso(e.timestamp()));
        view.put("llm_properties", e.llmProperties());
        view.put("processed_at", iso(e.processedAt()));
        return view;
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
