-- Management plane store on PostgreSQL, schema version 3 (the same tables as ../management/V3__secrets.sql): secrets are encrypted, value by value.
-- gateway_keys.primary_key and secondary_key now hold AES-GCM sealed values ('aes-gcm:...'),
-- encrypted with the store key, which lives outside the database (store.encryption.key, the same
-- on every instance).
-- This table holds one sealed known value: a start with another key is refused at once,
-- before anything is read or written with it.
CREATE TABLE store_key_check (
    id     INT          PRIMARY KEY CHECK (id = 1),
    sealed VARCHAR(200) NOT NULL
);
