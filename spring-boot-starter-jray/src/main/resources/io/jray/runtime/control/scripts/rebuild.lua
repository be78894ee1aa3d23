-- Rebuilds a large object whose copies were all lost (the nodes holding them died): the task that
-- made it runs again as a new attempt, and the asking node is subscribed to its notification.
-- ARGV: id, asking node, the key prefix of node hashes, now. Returns:
--   'Q' queued again (or already being rebuilt): wait for the notification
--   'F' a live copy exists (or the value is inline): read it again
--   'N' it cannot be rebuilt: a put value, or an actor call's result (actors are not replayed)
--   'X' the record is gone (freed, or its job ended); 'E'/'C' it failed or was cancelled meanwhile
--   'I' an input of the task was freed (lineage is kept only while inputs are referenced)
local id, node, nodePrefix, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local key = rec(id)
local f = redis.call('HMGET', key, R.state, R.kind, R.large, R.attempt, R.spec, R.actor, R.dependencies)
local st = f[1]
if not st then
  return RB.gone
end
local function subscribe()
  redis.call('SADD', P .. K.subscribers .. id, node)
  redis.call('HSET', key, R.hasSubscribers, '1')
  redis.call('SADD', P .. K.notified, node)
end
if st == ST.waiting or st == ST.queued or st == ST.running then
  subscribe()
  return RB.queued
end
if st ~= ST.finished then
  return st
end
if f[3] ~= '1' then
  return RB.readable
end
for _, holder in ipairs(redis.call('SMEMBERS', P .. K.holders .. id)) do
  if redis.call('EXISTS', nodePrefix .. holder .. '}') == 1 then
    return RB.readable
  end
end
if f[2] ~= RK.task or f[6] or not f[5] then
  return RB.notRebuildable
end
local deps = {}
for dep in string.gmatch(f[7] or '', '%S+') do
  local d = redis.call('HMGET', rec(dep), R.state, R.value, R.large)
  if not d[1] or (d[1] == ST.finished and not d[2] and not d[3]) then
    return RB.inputFreed
  end
  deps[#deps + 1] = dep
end
redis.call('DEL', P .. K.holders .. id)
redis.call('HDEL', key, R.large, R.size, R.node, R.startedAt, R.endedAt)
redis.call('HSET', key, R.attempt, tonumber(f[4]) + 1)
redis.call('HINCRBY', key, R.rebuilds, 1)
-- why: the run settles again, letting go of its arguments once more
holdArguments(deps)
subscribe()
enqueue(id, now)
flushEvents()
return RB.queued
