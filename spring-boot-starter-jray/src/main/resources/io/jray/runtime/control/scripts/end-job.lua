-- Retires a job, 500 records per call: values and specs are dropped at once, unfinished tasks are
-- cancelled (so a late outcome is ignored and recreates nothing) with the given error, which their
-- subscribers are told (nodes of other jobs waiting for them; a notification that is lost with the
-- job's streams is made up for by the subscriber's reconciling), and the rest of each record expires
-- after the retention time. ARGV: retention ms, offset, now, inline limit, cancellation error.
-- Returns the next offset, 0 when done.
local retention, offset, now, inlineMax, err = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), ARGV[5]
local ids = redis.call('ZRANGE', P .. K.records, offset, offset + 499)
for _, id in ipairs(ids) do
  local key = rec(id)
  local st = redis.call('HGET', key, R.state)
  if st == ST.waiting or st == ST.queued or st == ST.running then
    redis.call('HSET', key, R.state, ST.cancelled, R.error, err, R.endedAt, now)
    for _, node in ipairs(redis.call('SMEMBERS', P .. K.subscribers .. id)) do
      notify(node, id, ST.cancelled, err)
    end
    event(ST.cancelled, id)
  elseif st == ST.finished and redis.call('HGET', key, R.kind) == RK.actor then
    redis.call('HSET', key, R.state, ST.dead)
    event(ST.dead, id)
  end
  redis.call('HDEL', key, R.value, R.spec)
  redis.call('PEXPIRE', key, retention)
  redis.call('DEL', P .. K.waiters .. id, P .. K.subscribers .. id, P .. K.holders .. id)
end
flushNotes()
if #ids == 500 then
  return offset + 500
end
for _, actor in ipairs(redis.call('SMEMBERS', P .. K.actors)) do
  redis.call('DEL', queue(K.actorQueue .. actor))
end
for _, shape in ipairs(redis.call('SMEMBERS', P .. K.shapes)) do
  redis.call('DEL', queue(K.taskQueue .. shape))
end
for _, target in ipairs(redis.call('SMEMBERS', P .. K.targets)) do
  redis.call('DEL', queue(target))
end
for _, node in ipairs(redis.call('SMEMBERS', P .. K.notified)) do
  redis.call('DEL', P .. K.notes .. node)
end
redis.call('PEXPIRE', P .. K.records, retention)
redis.call('PEXPIRE', P .. K.meta, retention)
redis.call('PEXPIRE', P .. K.functions, retention)
redis.call('DEL', P .. K.shapes, P .. K.notified, P .. K.actors, P .. K.targets, P .. K.backlog)
return 0
