-- Cancels a task that has not finished; a queued one leaves its queue, so no node reads it.
-- ARGV: now, id, cancellation error, inline limit. Returns the state before ('' for an unknown task).
local now, id, err, inlineMax = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local key = rec(id)
local st = redis.call('HGET', key, R.state)
if st == ST.queued then
  local f = redis.call('HMGET', key, R.queue, R.entry, R.entryQueue)
  local q = f[3] or f[1]
  if q and f[2] then
    redis.call('XACK', queue(q), 'w', f[2])
    redis.call('XDEL', queue(q), f[2])
  end
end
if st == ST.waiting or st == ST.queued or st == ST.running then
  redis.call('HSET', key, R.state, ST.cancelled, R.error, err, R.endedAt, now)
  settle(id, ST.cancelled, err, now, inlineMax)
  flushNotes()
end
return st or ''
