-- Records what a node did with the tasks it read, in one round trip.
-- ARGV: now, node, inline notification limit, log retention ms, then records of 9 fields:
--   id attempt queue entryId kind payload startedAt epoch log
-- kinds: S started, F finished (payload = value), L finished with a large value (payload = its size;
--        the value is in this node's object store), E failed (payload = error),
--        R retry after an exception (next attempt), G given back before it started (same attempt).
-- epoch: the node's registration the entry was read under; for an actor call, the one its actor
-- instance was created under.
-- log: what the attempt printed and logged (empty when nothing); an attempt that counts appends it
-- to "log:<id>", which expires after the log retention.
-- An actor's creation finishes when the actor lives (F), hosted by this node and epoch; if it fails
-- (E), so do its calls.
-- A record only counts when it names the task's current attempt and queue entry: a replayed or late
-- report, or one of a cancelled task, only acknowledges its queue entry. An actor call reported by
-- an instance that no longer hosts the actor (its node was declared dead and the actor restarted)
-- counts neither: the call goes back to the actor's stream for the live instance.
-- An outcome Redis refuses is left out and the rest go on; returns the refused ones as a flat list
-- (id, error, ...). One refused for want of memory (OOM) keeps its entry, to be reported again; any
-- other is dropped with its entry.
local now, node, inlineMax, logRetention = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local hosts = {}

-- Appends an attempt's log to the task's. A key of another type (garbage) is replaced, never
-- allowed to refuse the outcome; running out of memory refuses it, to be reported again.
local function keepLog(id, log)
  if #log > 0 then
    local key = P .. K.log .. id
    local appended = redis.pcall('APPEND', key, log)
    if type(appended) == 'table' and appended.err then
      if string.sub(appended.err, 1, 4) == 'OOM ' then
        error(appended)
      end
      redis.call('DEL', key)
      redis.call('SET', key, log)
    end
    redis.call('PEXPIRE', key, logRetention)
  end
end

-- Whether the actor whose call stream is 'q' ('a:<actor>') is hosted by this node in 'epoch'.
local function hostsActor(q, epoch)
  local actor = string.sub(q, 3)
  local h = hosts[actor]
  if not h then
    h = redis.call('HMGET', rec(actor), R.node, R.nodeEpoch)
    hosts[actor] = h
  end
  return h[1] == node and h[2] == epoch
end

-- Whether 'q' is an actor's call stream.
local function isActorQueue(q)
  return string.sub(q, 1, #K.actorQueue) == K.actorQueue
end

-- Records one outcome.
local function record(id, att, q, eid, kind, payload, started, epoch, log)
  -- "node,started at": the events of this attempt name who ran it
  local reporter = node .. ',' .. started
  local key = rec(id)
  local cur = redis.call('HMGET', key, R.state, R.attempt, R.owner, R.hasSubscribers, R.hasWaiters, R.kind,
      R.dependencies, R.released, R.takenBy, R.entry)
  local live = (cur[1] == ST.queued or cur[1] == ST.running) and cur[2] == att and cur[10] == eid
  local known = {cur[3], cur[4], cur[5], cur[7], cur[8], cur[9]}
  local fenced = live and isActorQueue(q) and not hostsActor(q, epoch)
  if fenced then
    if kind ~= OC.started then
      local spec = entrySpec(q, eid)
      redis.call('XACK', queue(q), 'w', eid)
      redis.call('XDEL', queue(q), eid)
      local neid = redis.call('XADD', queue(q), '*', QE.task, id, QE.attempt, att, QE.spec, spec)
      redis.call('HSET', key, R.state, ST.queued, R.entry, neid)
      event(ST.queued, id)
    end
  elseif kind == OC.started then
    if live then
      redis.call('HSET', key, R.state, ST.running, R.node, node, R.startedAt, started)
      event(ST.running, id, reporter)
    end
  else
    local spec = nil
    if live and (kind == OC.retry or kind == OC.givenBack or (kind == OC.finishedLarge and not isActorQueue(q))) then
      -- why: the entry holds the spec; the record keeps it only for a large result's lineage
      spec = entrySpec(q, eid)
    end
    redis.call('XACK', queue(q), 'w', eid)
    redis.call('XDEL', queue(q), eid)
    if live then
      if kind ~= OC.givenBack then
        keepLog(id, log)
      end
      if kind == OC.finished or kind == OC.finishedLarge or kind == OC.failed then
        -- why: its entry is gone; a settled record keeps only what the history shows
        redis.call('HDEL', key, R.entry)
      end
      if kind == OC.finished then
        redis.call('HSET', key, R.state, ST.finished, R.value, payload, R.size, #payload, R.node, node, R.startedAt, started,
            R.endedAt, now)
        if cur[6] == RK.actor then
          redis.call('HSET', key, R.nodeEpoch, epoch)
        end
        settle(id, ST.finished, payload, now, inlineMax, known, reporter)
      elseif kind == OC.finishedLarge then
        redis.call('HSET', key, R.state, ST.finished, R.large, '1', R.size, payload, R.node, node, R.startedAt, started,
            R.endedAt, now)
        if spec then
          redis.call('HSET', key, R.spec, spec)
        end
        redis.call('SADD', P .. K.holders .. id, node)
        settle(id, ST.finished, false, now, inlineMax, known, reporter)
      elseif kind == OC.failed then
        redis.call('HSET', key, R.state, ST.failed, R.error, payload, R.node, node, R.startedAt, started, R.endedAt, now)
        settle(id, ST.failed, payload, now, inlineMax, known, reporter)
        if cur[6] == RK.actor then
          failCalls(id, payload, now, inlineMax)
        end
      else
        local a = tonumber(att)
        if kind == OC.retry then
          a = a + 1
          redis.call('HSET', key, R.lastError, payload)
          event(EV.retried, id, reporter)
        end
        redis.call('HSET', key, R.attempt, a)
        -- why: a node that gave a task back (no function, no room) must not get it straight back
        enqueue(id, now, kind == OC.givenBack and node or nil, spec)
      end
    end
  end
end

local refused = eachRecord(5, function() return 9 end, 0, function(i)
  record(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6], ARGV[i + 7],
    ARGV[i + 8])
end, function(i, err)
  if string.sub(err, 1, 4) ~= 'OOM ' then
    -- why: the outcome is dropped; its entry must not be read again and the task run once more
    redis.pcall('XACK', queue(ARGV[i + 2]), 'w', ARGV[i + 3])
    redis.pcall('XDEL', queue(ARGV[i + 2]), ARGV[i + 3])
  end
end)
flushNotes()
return refused
