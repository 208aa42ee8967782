-- Management plane store, schema version 3: secrets are encrypted, value by value.
-- gateway_keys.primary_key and secondary_key now hold AES-GCM sealed values ('aes-gcm:...'),
-- encrypted with the store key, which lives outside this file (store.encryption.key or
-- <data.dir>/store-key); keys stored in plain text by earlier versions are encrypted at start.
-- This table holds one sealed known value: a start with another key is refused at once,
-- before anything is read or written with it.
CREATE TABLE store_key_check (
    id     INT          PRIMARY KEY CHECK (id = 1),
    sealed VARCHAR(200) NOT NULL
);
