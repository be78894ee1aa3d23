-- Retires a job, 500 records per call: values and specs are dropped at once, unfinished tasks are
-- cancelled (so a late outcome is ignored and recreates nothing) with the given error, which their
-- subscribers are told (nodes of other jobs waiting for them; a notification that is lost with the
-- job's streams is made up for by the subscriber's reconciling), and the rest of each record expires
-- after the retention time. ARGV: retention ms, offset, now, inline limit, cancellation error.
-- Returns the next offset, 0 when done.
local retention, offset, now, inlineMax, err = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), ARGV[5]
local ids = redis.call('ZRANGE', P .. 'tasks', offset, offset + 499)
for _, id in ipairs(ids) do
  local key = rec(id)
  local st = redis.call('HGET', key, R.state)
  if st == 'W' or st == 'Q' or st == 'R' then
    redis.call('HSET', key, R.state, 'C', R.error, err, R.endedAt, now)
    for _, node in ipairs(redis.call('SMEMBERS', P .. 'sub:' .. id)) do
      notify(node, id, 'C', err)
    end
    event('C', id)
  elseif st == 'F' and redis.call('HGET', key, R.kind) == 'a' then
    redis.call('HSET', key, R.state, 'D')
    event('D', id)
  end
  redis.call('HDEL', key, R.value, R.spec)
  redis.call('PEXPIRE', key, retention)
  redis.call('DEL', P .. 'w:' .. id, P .. 'sub:' .. id, P .. 'l:' .. id)
end
flushNotes()
if #ids == 500 then
  return offset + 500
end
for _, actor in ipairs(redis.call('SMEMBERS', P .. 'actors')) do
  redis.call('DEL', queue('a:' .. actor))
end
for _, shape in ipairs(redis.call('SMEMBERS', P .. 'shapes')) do
  redis.call('DEL', queue('q:' .. shape))
end
for _, target in ipairs(redis.call('SMEMBERS', P .. 'targets')) do
  redis.call('DEL', queue(target))
end
for _, node in ipairs(redis.call('SMEMBERS', P .. 'nodes')) do
  redis.call('DEL', P .. 'n:' .. node)
end
redis.call('PEXPIRE', P .. 'tasks', retention)
redis.call('PEXPIRE', P .. 'meta', retention)
redis.call('DEL', P .. 'shapes', P .. 'nodes', P .. 'actors', P .. 'targets', P .. 'bl')
return 0
