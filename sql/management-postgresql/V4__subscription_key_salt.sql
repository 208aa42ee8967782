-- Management plane store on PostgreSQL, schema version 4 (the same tables as ../management/V4__subscription_key_salt.sql): the salt subscription keys are hashed with for gateways.
-- One salt per store, made once, so that what a gateway is served stays the same across restarts;
-- AES-GCM sealed with the store key, like the other secrets: the hashes it makes are not to be
-- checked against guessed keys by whoever reads this file.
CREATE TABLE subscription_key_salt (
    id     INT          PRIMARY KEY CHECK (id = 1),
    sealed VARCHAR(200) NOT NULL
);
