-- One counter operation of Breakwater's shared counters, atomic on the server (RedisCounterStore).
-- KEYS[1]: the counter's base key; it is a hash holding 'anchor' when windows start at first use.
-- Each window is its own key, KEYS[1] .. ':' .. window index, expiring when the window ends.
-- ARGV: op ('try' | 'add' | 'read'), now (epoch ms, the gateway's clock), period (ms, 0: never ends),
--       anchor (epoch ms, or '' for the counter's first use), limit, amount.
-- Returns {accepted (1|0), count after the operation, ms until the window ends (-1: never)}.
local op = ARGV[1]
local now = tonumber(ARGV[2])
local period = tonumber(ARGV[3])
local anchor
if ARGV[4] == '' then
  -- the first replica to use the counter fixes where its windows start, for every replica
  redis.call('HSETNX', KEYS[1], 'anchor', ARGV[2])
  anchor = tonumber(redis.call('HGET', KEYS[1], 'anchor'))
else
  anchor = tonumber(ARGV[4])
end
local index = 0
local ttl = -1
if period > 0 then
  if now > anchor then
    index = math.floor((now - anchor) / period)
  end
  ttl = anchor + (index + 1) * period - now
  if ARGV[4] == '' then
    -- as in the local store: a counter whose window passed with nothing counted starts afresh at its next use
    redis.call('PEXPIRE', KEYS[1], ttl)
  end
end
local window = KEYS[1] .. ':' .. string.format('%d', index)
local count = tonumber(redis.call('GET', window) or '0')
local accepted = 1
if op == 'try' then
  if count >= tonumber(ARGV[5]) then
    accepted = 0
  else
    count = redis.call('INCRBY', window, ARGV[6])
  end
elseif op == 'add' then
  count = math.max(0, count + tonumber(ARGV[6]))
  redis.call('SET', window, string.format('%d', count))
end
if op ~= 'read' and ttl > 0 then
  redis.call('PEXPIRE', window, ttl)
end
return {accepted, count, ttl}
