-- Takes back up to 100 queue entries that a dead node had read: each task is queued again for its
-- next attempt, or fails with the node's death when its retries are used up. With 'drain' ('1': the
-- dead node's own queue), then up to 100 entries it never read are queued elsewhere, same attempt,
-- and the queue goes once empty.
-- ARGV: now, queue, dead node, node-died error, inline limit, drain. Returns how many entries were handled.
local now, name, dead, err, inlineMax, drain = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
local q = queue(name)
local ok, pending = pcall(redis.call, 'XPENDING', q, 'w', '-', '+', 100, dead)
if not ok then
  return 0
end
if #pending == 0 and drain == '1' then
  local entries = redis.call('XRANGE', q, '-', '+', 'COUNT', 100)
  for _, entry in ipairs(entries) do
    redis.call('XDEL', q, entry[1])
    local id, att = entryField(entry, QE.task), entryField(entry, QE.attempt)
    local r = redis.call('HMGET', rec(id), R.state, R.attempt, R.entry)
    if r[1] == ST.queued and r[2] == att and r[3] == entry[1] then
      enqueue(id, now, nil, entryField(entry, QE.spec))
    end
  end
  if #entries == 0 then
    redis.call('DEL', q)
    redis.call('SREM', P .. K.targets, name)
  end
  flushNotes()
  return #entries
end
for _, p in ipairs(pending) do
  local eid = p[1]
  local entry = redis.call('XRANGE', q, eid, eid)[1]
  redis.call('XACK', q, 'w', eid)
  redis.call('XDEL', q, eid)
  if entry then
    local id, att = entryField(entry, QE.task), entryField(entry, QE.attempt)
    local key = rec(id)
    local r = redis.call('HMGET', key, R.state, R.attempt, R.maxRetries, R.kind)
    if (r[1] == ST.queued or r[1] == ST.running) and r[2] == att then
      if tonumber(att) <= (tonumber(r[3]) or 0) then
        redis.call('HSET', key, R.attempt, tonumber(att) + 1)
        enqueue(id, now, nil, entryField(entry, QE.spec))
      elseif r[4] == RK.actor then
        endActor(id, ST.dead, err, now, inlineMax)
      else
        redis.call('HSET', key, R.state, ST.failed, R.error, err, R.endedAt, now)
        settle(id, ST.failed, err, now, inlineMax)
      end
    end
  end
end
flushNotes()
return #pending
