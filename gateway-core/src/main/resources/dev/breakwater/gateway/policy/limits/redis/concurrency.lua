-- One operation on the slots of a limit-concurrency key, atomic on the server (RedisConcurrencyStore).
-- KEYS[1]: a sorted set of the key's leases: member = a holder id unique to one request's slot,
--          score = when its lease ends (epoch ms, the gateway's clock).
-- ARGV: op ('acquire' | 'release'), now (epoch ms), lease (ms), max-count, holder id.
-- Returns {1 if acquired or released (0 if full, or not held), slots held after the operation}.
local op = ARGV[1]
if op == 'release' then
  local removed = redis.call('ZREM', KEYS[1], ARGV[5])
  return {removed, redis.call('ZCARD', KEYS[1])}
end
local now = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
-- leases that ended free their slots: a gateway that died holding slots does not hold them forever
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local held = redis.call('ZCARD', KEYS[1])
if held >= tonumber(ARGV[4]) then
  return {0, held}
end
redis.call('ZADD', KEYS[1], string.format('%d', now + lease), ARGV[5])
-- the key outlives its last lease by nothing: keys taken from requests do not pile up
redis.call('PEXPIRE', KEYS[1], lease)
return {1, held + 1}
