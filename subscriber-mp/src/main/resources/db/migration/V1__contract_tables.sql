-- The old platform's tables, kept with their names and columns so its dashboards keep working,
-- plus an event_id on every row: the idempotency key that makes re-processing harmless.

CREATE TABLE user_analytics_events (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    timestamp    TIMESTAMPTZ  NOT NULL,
    metadata     JSONB        NOT NULL DEFAULT '{}'::jsonb,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_user_analytics_events_event_id UNIQUE (event_id)
);
CREATE INDEX ix_user_analytics_events_user_id ON user_analytics_events (user_id);
CREATE INDEX ix_user_analytics_events_event_type ON user_analytics_events (event_type);
CREATE INDEX ix_user_analytics_events_timestamp ON user_analytics_events (timestamp);

CREATE TABLE chemical_research_events (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL,
    molecule_id    VARCHAR(255) NOT NULL,
    researcher     VARCHAR(255) NOT NULL,
    data           JSONB        NOT NULL DEFAULT '{}'::jsonb,
    timestamp      TIMESTAMPTZ  NOT NULL,
    llm_properties JSONB,
    processed_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_chemical_research_events_event_id UNIQUE (event_id)
);
CREATE INDEX ix_chemical_research_events_molecule_id ON chemical_research_events (molecule_id);
CREATE INDEX ix_chemical_research_events_researcher ON chemical_research_events (researcher);
CREATE INDEX ix_chemical_research_events_timestamp ON chemical_research_events (timestamp);

CREATE TABLE event_processing_status (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    error_message TEXT,
    retry_count   INTEGER      NOT NULL DEFAULT 0,
    max_retries   INTEGER      NOT NULL DEFAULT 3,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    processed_at  TIMESTAMPTZ,
    CONSTRAINT uq_event_processing_status_event_id UNIQUE (event_id),
    CONSTRAINT ck_event_processing_status_status
        CHECK (status IN ('pending', 'processing', 'completed', 'failed'))
);
CREATE INDEX ix_event_processing_status_status ON event_processing_status (status);
CREATE INDEX ix_event_processing_status_event_type ON event_processing_status (event_type);
