-- Gateway store, schema version 2: per-minute_start request aggregates per API, kept until the
-- management plane has them (it de-duplicates by gateway, instance, API and minute_start).
CREATE TABLE telemetry_spool (
    minute_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    api     VARCHAR(80)              NOT NULL,
    count   BIGINT                   NOT NULL,
    errors  BIGINT                   NOT NULL,
    p50_ms  DOUBLE PRECISION         NOT NULL,
    p90_ms  DOUBLE PRECISION         NOT NULL,
    p99_ms  DOUBLE PRECISION         NOT NULL,
    max_ms  DOUBLE PRECISION         NOT NULL,
    PRIMARY KEY (minute_start, api)
);
