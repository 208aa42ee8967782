-- Gateway configuration backup, schema version 1 (applied by SchemaMigrator, recorded in schema_version).

-- One row per configuration the gateway applied, newest last; the newest few are kept.
-- A generation is used at start-up only if its document still hashes to sha256 and compiles.
CREATE TABLE generations (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    revision   BIGINT                   NOT NULL,
    sha256     VARCHAR(64)              NOT NULL,
    document   BLOB                     NOT NULL,
    source     VARCHAR(1000)            NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
