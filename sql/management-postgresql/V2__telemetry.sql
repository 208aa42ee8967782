-- Management plane store on PostgreSQL, schema version 2 (the same tables as ../management/V2__telemetry.sql): the gateways' per-minute_start request aggregates per API.
-- The key makes a bucket delivered twice (an answer lost on the way back) count once.
CREATE TABLE telemetry (
    gateway_id  VARCHAR(80)              NOT NULL,
    instance_id VARCHAR(80)              NOT NULL,
    api_id      VARCHAR(80)              NOT NULL,
    minute_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    count       BIGINT                   NOT NULL,
    errors      BIGINT                   NOT NULL,
    p50_ms      DOUBLE PRECISION         NOT NULL,
    p90_ms      DOUBLE PRECISION         NOT NULL,
    p99_ms      DOUBLE PRECISION         NOT NULL,
    max_ms      DOUBLE PRECISION         NOT NULL,
    PRIMARY KEY (gateway_id, instance_id, api_id, minute_start)
);
CREATE INDEX telemetry_by_minute ON telemetry (gateway_id, minute_start);
