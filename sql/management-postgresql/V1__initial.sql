-- Management plane store on PostgreSQL, schema version 1 (the same tables as ../management/V1__initial.sql), applied by Flyway.

-- Every change writes the whole configuration as a new revision, in one transaction: a write
-- is atomic, the history is there to read, and the newest row is what gateways are served.
-- The document holds the global policy, the APIs with their operations and policies, and the
-- gateways with their API assignments; never keys.
CREATE TABLE config_revisions (
    revision   BIGINT                   PRIMARY KEY,
    document   TEXT                     NOT NULL,
    sha256     VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The two signing keys of each gateway (random 64 bytes, base64); tokens are HMACs made with them.
CREATE TABLE gateway_keys (
    gateway_id    VARCHAR(80)  PRIMARY KEY,
    primary_key   VARCHAR(200) NOT NULL,
    secondary_key VARCHAR(200) NOT NULL
);

-- The last heartbeat of each gateway instance.
CREATE TABLE gateway_instances (
    gateway_id         VARCHAR(80)              NOT NULL,
    instance_id        VARCHAR(80)              NOT NULL,
    hostname           VARCHAR(255),
    version            VARCHAR(80),
    revision           BIGINT,
    last_heartbeat     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_config_pull   TIMESTAMP WITH TIME ZONE,
    last_error         TEXT,
    heartbeat_interval INT                      NOT NULL,
    report             TEXT,
    PRIMARY KEY (gateway_id, instance_id)
);
