-- An actor's node died, or (epoch given) the node's registration lapsed and it joined again as a new
-- epoch, so its instances of that epoch no longer count. Calls that node had read are sent again (up
-- to maxTaskRetries) when the actor restarts, or fail with the call-lost error; the actor is created
-- anew while it has restarts left, otherwise it is dead and its calls fail with the death error.
-- ARGV: now, actor id, dead node, death error, inline limit, epoch ('' for any), call-lost error.
-- Returns 0 when the actor did not live on that node (and epoch), 1 when it restarts, 2 when it is dead,
-- 3 when it handled 100 of the calls the node had read and must be called again for the rest (so one
-- call never blocks Redis for long).
local now, actor, dead, err, inlineMax, epoch, lost = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]),
    ARGV[6], ARGV[7]
local key = rec(actor)
local f = redis.call('HMGET', key, R.state, R.node, R.restarts, R.maxRetries, R.maxTaskRetries, R.attempt, R.nodeEpoch)
if f[1] ~= ST.finished or f[2] ~= dead or (epoch ~= '' and f[7] ~= epoch) then
  return 0
end
local restart = tonumber(f[3] or '0') < tonumber(f[4] or '0')
local aq = queue(K.actorQueue .. actor)
local ok, pending = pcall(redis.call, 'XPENDING', aq, 'w', '-', '+', 100, dead)
if ok then
  for _, p in ipairs(pending) do
    local eid = p[1]
    local entry = redis.call('XRANGE', aq, eid, eid)[1]
    redis.call('XACK', aq, 'w', eid)
    redis.call('XDEL', aq, eid)
    if entry then
      local id, att = entryField(entry, QE.task), entryField(entry, QE.attempt)
      local ck = rec(id)
      local c = redis.call('HMGET', ck, R.state, R.attempt)
      if (c[1] == ST.queued or c[1] == ST.running) and c[2] == att then
        if restart and tonumber(att) <= (tonumber(f[5]) or 0) then
          local next = tonumber(att) + 1
          local neid = redis.call('XADD', aq, '*', QE.task, id, QE.attempt, next, QE.spec, entryField(entry, QE.spec))
          redis.call('HSET', ck, R.state, ST.queued, R.attempt, next, R.entry, neid)
          event(ST.queued, id)
        else
          local why = restart and lost or err
          redis.call('HSET', ck, R.state, ST.failed, R.error, why, R.endedAt, now)
          settle(id, ST.failed, why, now, inlineMax)
        end
      end
    end
  end
end
if ok and #pending == 100 then
  flushNotes()
  return 3
end
local result
if restart then
  redis.call('HSET', key, R.restarts, tonumber(f[3] or '0') + 1, R.attempt, tonumber(f[6]) + 1, R.node, '',
      R.nodeEpoch, '')
  enqueue(actor, now)
  result = 1
else
  endActor(actor, ST.dead, err, now, inlineMax)
  result = 2
end
flushNotes()
return result
