-- Submits a batch of records of one job in one round trip.
-- ARGV: now, owner node, inline notification limit, error for a missing dependency, whether the owner
-- submits to this job for the first time ('1': remember it, to delete its notifications with the
-- job), then records:
--   P id value                                  a put value, ready at once
--   L id size released                          a large put value, in the owner's object store;
--                                               released '1' when no ref to it exists (a large
--                                               argument stored apart): the tasks taking it hold it
--   T id shape newShape fn name parent maxRetries spec depCount dep...
--   C id shape newShape class name maxRestarts maxTaskRetries lifetime spec   an actor's creation
--   M id actor fn name parent spec depCount dep...                            an actor call
-- A task whose dependencies are all finished is queued; otherwise it waits, registered with each
-- pending dependency, and is queued by the script that settles the last of them. An actor's
-- creation is a task; its calls go to the actor's own stream at once, in order, and wait there for
-- the actor and for their dependencies. A call of an actor that failed or died fails at once.
-- Tasks and calls hold their dependencies until they settle; an object is freed once its owner let
-- go of it and no task holds it.
-- A record that exists already (it has its kind 'k') is a replay (Lettuce sends a call again after a
-- reconnect): it is skipped, so a task is never queued, nor its arguments held, twice. A script call
-- is atomic, so a batch is replayed whole or not at all: only when its first record exists are the
-- others looked up one by one.
-- A record Redis refuses (out of memory, a key of the wrong type) is left out and the rest go on;
-- returns the refused ones as a flat list: id, error, id, error...
local now, owner, inlineMax, missing = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
if ARGV[5] == '1' then
  redis.pcall('SADD', P .. K.notified, owner)
end
-- How many arguments the record at 'i' takes.
local function recordLength(i)
  local kind = ARGV[i]
  if kind == SK.put then
    return 3
  elseif kind == SK.largePut then
    return 4
  elseif kind == SK.actorCreation then
    return 10
  elseif kind == SK.actorCall then
    return 8 + tonumber(ARGV[i + 7])
  end
  return 10 + tonumber(ARGV[i + 9])
end

-- The short code a task record holds for function id 'fn' (interned in the job's hash "fns", both
-- ways: fn -> code and '@' .. code -> fn), so a record stays small; looked up once per script call.
local codes = {}
local function functionCode(fn)
  local code = codes[fn]
  if not code then
    local fns = P .. K.functions
    code = redis.call('HGET', fns, fn)
    if not code then
      code = tostring(math.floor(redis.call('HLEN', fns) / 2) + 1)
      redis.call('HSET', fns, fn, code, '@' .. code, fn)
    end
    codes[fn] = code
  end
  return code
end

-- Writes the record at 'i' (of kind 'kind', for 'id').
local function submitRecord(kind, id, i)
  local key = rec(id)
  if kind == SK.put then
    local value = ARGV[i + 2]
    redis.call('HSET', key, R.kind, RK.put, R.state, ST.finished, R.value, value, R.size, #value, R.owner, owner, R.submittedAt,
        now, R.endedAt, now)
    redis.call('ZADD', P .. K.records, now, id)
  elseif kind == SK.largePut then
    local size, released = ARGV[i + 2], ARGV[i + 3]
    redis.call('HSET', key, R.kind, RK.put, R.state, ST.finished, R.large, '1', R.size, size, R.owner, owner, R.node, owner,
        R.submittedAt, now, R.endedAt, now,
        R.released, released)
    redis.call('SADD', P .. K.holders .. id, owner)
    redis.call('ZADD', P .. K.records, now, id)
  elseif kind == SK.actorCreation then
    local shape, newShape, class, name, mr, mtr, life, spec = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4],
        ARGV[i + 5], ARGV[i + 6], ARGV[i + 7], ARGV[i + 8], ARGV[i + 9]
    local q = K.taskQueue .. shape
    if newShape == '1' then
      redis.pcall('XGROUP', 'CREATE', queue(q), 'w', '0', 'MKSTREAM')
      redis.call('SADD', P .. K.shapes, shape)
    end
    redis.pcall('XGROUP', 'CREATE', queue(K.actorQueue .. id), 'w', '0', 'MKSTREAM')
    redis.call('SADD', P .. K.actors, id)
    redis.call('ZADD', P .. K.records, now, id)
    local eid = redis.call('XADD', queue(q), '*', QE.task, id, QE.attempt, '1', QE.spec, spec)
    redis.call('HSET', key, R.kind, RK.actor, R.functionId, class .. '#new', R.name, name, R.queue, q, R.owner, owner,
        R.maxRetries, mr, R.maxTaskRetries, mtr,
        R.restarts, '0', R.lifetime, life, R.spec, spec, R.attempt, '1', R.submittedAt, now, R.state, ST.queued,
        R.entry, eid)
    event(EV.created, id, class .. '#new')
    event(ST.queued, id)
  elseif kind == SK.actorCall then
    local actor, fn, name, parent, spec = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
    local nd = tonumber(ARGV[i + 7])
    local deps = {}
    for d = 1, nd do
      deps[d] = ARGV[i + 7 + d]
    end
    local a = redis.call('HMGET', rec(actor), R.state, R.error, R.maxTaskRetries)
    redis.call('ZADD', P .. K.records, now, id)
    event(EV.created, id, fn)
    local fields = {R.kind, RK.task, R.functionId, functionCode(fn), R.name, name, R.actor, actor, R.owner, owner, R.parent, parent,
        R.maxRetries, a[3] or '0',
        R.attempt, '1', R.submittedAt, now}
    if a[1] == ST.failed or a[1] == ST.dead or not a[1] then
      local err = a[2] or missing
      setNonEmpty(key, R.state, ST.failed, R.error, err, R.endedAt, now, unpack(fields))
      settle(id, ST.failed, err, now, inlineMax)
      -- why: set after settle, which lets go of the arguments of a task; this one never held them
      setNonEmpty(key, R.dependencies, table.concat(deps, ' '))
    else
      local q = K.actorQueue .. actor
      local eid = redis.call('XADD', queue(q), '*', QE.task, id, QE.attempt, '1', QE.spec, spec)
      setNonEmpty(key, R.state, ST.queued, R.queue, q, R.entry, eid, R.dependencies, table.concat(deps, ' '),
          unpack(fields))
      event(ST.queued, id)
      holdArguments(deps)
    end
  else
    local shape, newShape, fn, name, parent, mr, spec = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5],
        ARGV[i + 6], ARGV[i + 7], ARGV[i + 8]
    local nd = tonumber(ARGV[i + 9])
    local deps = {}
    for d = 1, nd do
      deps[d] = ARGV[i + 9 + d]
    end
    local q = K.taskQueue .. shape
    if newShape == '1' then
      redis.pcall('XGROUP', 'CREATE', queue(q), 'w', '0', 'MKSTREAM')
      redis.call('SADD', P .. K.shapes, shape)
    end
    local pending, failed, large = 0, nil, {}
    for _, dep in ipairs(deps) do
      local dk = rec(dep)
      local d = redis.call('HMGET', dk, R.state, R.large, R.size)
      local dst = d[1]
      if d[2] == '1' then
        large[#large + 1] = {dep, tonumber(d[3]) or 0}
      end
      if dst == ST.failed or dst == ST.cancelled then
        failed = redis.call('HGET', dk, R.error)
        break
      elseif not dst then
        failed = missing
        break
      elseif dst ~= ST.finished then
        redis.call('SADD', P .. K.waiters .. dep, id)
        redis.call('HSET', dk, R.hasWaiters, '1')
        pending = pending + 1
      end
    end
    redis.call('ZADD', P .. K.records, now, id)
    event(EV.created, id, fn)
    local fields = {R.kind, RK.task, R.functionId, functionCode(fn), R.name, name, R.queue, q, R.owner, owner, R.parent, parent,
        R.maxRetries, mr, R.attempt, '1', R.submittedAt, now}
    if failed then
      setNonEmpty(key, R.state, ST.failed, R.error, failed, R.endedAt, now, unpack(fields))
      settle(id, ST.failed, failed, now, inlineMax)
      -- why: set after settle, which lets go of the arguments of a task; this one never held them
      setNonEmpty(key, R.dependencies, table.concat(deps, ' '))
    elseif pending > 0 then
      holdArguments(deps)
      -- why: a waiting task has no queue entry yet to hold its spec
      setNonEmpty(key, R.dependencies, table.concat(deps, ' '), R.state, ST.waiting, R.pendingDependencies, pending,
          R.spec, spec, unpack(fields))
      event(ST.waiting, id)
    else
      holdArguments(deps)
      local eq = nodeQueue(q, large) or q
      local eid = redis.call('XADD', queue(eq), '*', QE.task, id, QE.attempt, '1', QE.spec, spec)
      -- why: an entry in the shape's shared queue is found by the record's queue field
      setNonEmpty(key, R.dependencies, table.concat(deps, ' '), R.state, ST.queued, R.entry, eid,
          R.entryQueue, eq ~= q and eq or '', unpack(fields))
      event(ST.queued, id)
    end
  end
end

local replayed = #ARGV >= 7 and redis.call('HEXISTS', rec(ARGV[7]), R.kind) == 1
local refused = eachRecord(6, recordLength, 1, function(i)
  local kind, id = ARGV[i], ARGV[i + 1]
  if not (replayed and redis.call('HEXISTS', rec(id), R.kind) == 1) then
    submitRecord(kind, id, i)
  end
end)
flushNotes()
return refused
