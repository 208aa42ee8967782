-- Gateway store, schema version 3: the backed-up documents are encrypted.
-- generations.document now holds an AES-GCM sealed document ('aes-gcm:' then IV and ciphertext),
-- encrypted with the backup key, which lives outside this file (config.backup.encryption.key or
-- <config.backup.path>/backup-key), since a document can carry secret named values;
-- generations.sha256 is the hash of those stored bytes. Documents stored in plain text by earlier
-- versions are encrypted at start, and the file is then compacted.
-- This table holds one sealed known value: a start with a missing or different key sets the
-- backup aside at once, before anything is read or written with that key.
CREATE TABLE backup_key_check (
    id     INT          PRIMARY KEY CHECK (id = 1),
    sealed VARCHAR(200) NOT NULL
);
