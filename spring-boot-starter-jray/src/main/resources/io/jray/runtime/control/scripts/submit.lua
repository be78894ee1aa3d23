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
  redis.pcall('SADD', P .. 'nodes', owner)
end
-- How many arguments the record at 'i' takes.
local function recordLength(i)
  local kind = ARGV[i]
  if kind == 'P' then
    return 3
  elseif kind == 'L' then
    return 4
  elseif kind == 'C' then
    return 10
  elseif kind == 'M' then
    return 8 + tonumber(ARGV[i + 7])
  end
  return 10 + tonumber(ARGV[i + 9])
end

-- Writes the record at 'i' (of kind 'kind', for 'id').
local function submitRecord(kind, id, i)
  local key = rec(id)
  if kind == 'P' then
    local value = ARGV[i + 2]
    redis.call('HSET', key, 'k', 'p', 'st', 'F', 'v', value, 'sz', #value, 'ow', owner, 'ts', now, 'te', now)
    redis.call('ZADD', P .. 'tasks', now, id)
  elseif kind == 'L' then
    local size, released = ARGV[i + 2], ARGV[i + 3]
    redis.call('HSET', key, 'k', 'p', 'st', 'F', 'lg', '1', 'sz', size, 'ow', owner, 'n', owner, 'ts', now, 'te', now,
        'rl', released)
    redis.call('SADD', P .. 'l:' .. id, owner)
    redis.call('ZADD', P .. 'tasks', now, id)
  elseif kind == 'C' then
    local shape, newShape, class, name, mr, mtr, life, spec = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4],
        ARGV[i + 5], ARGV[i + 6], ARGV[i + 7], ARGV[i + 8], ARGV[i + 9]
    local q = 'q:' .. shape
    if newShape == '1' then
      redis.pcall('XGROUP', 'CREATE', queue(q), 'w', '0', 'MKSTREAM')
      redis.call('SADD', P .. 'shapes', shape)
    end
    redis.pcall('XGROUP', 'CREATE', queue('a:' .. id), 'w', '0', 'MKSTREAM')
    redis.call('SADD', P .. 'actors', id)
    redis.call('ZADD', P .. 'tasks', now, id)
    local eid = redis.call('XADD', queue(q), '*', 't', id, 'a', '1', 's', spec)
    redis.call('HSET', key, 'k', 'a', 'fn', class .. '#new', 'nm', name, 'q', q, 'ow', owner, 'mr', mr, 'mtr', mtr,
        'rs', '0', 'life', life, 'sp', spec, 'a', '1', 'ts', now, 'st', 'Q', 'tq', now, 'e', eid)
    event('N', id, class .. '#new')
    event('Q', id)
  elseif kind == 'M' then
    local actor, fn, name, parent, spec = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
    local nd = tonumber(ARGV[i + 7])
    local deps = {}
    for d = 1, nd do
      deps[d] = ARGV[i + 7 + d]
    end
    local a = redis.call('HMGET', rec(actor), 'st', 'er', 'mtr')
    redis.call('ZADD', P .. 'tasks', now, id)
    event('N', id, fn)
    local fields = {'k', 't', 'fn', fn, 'nm', name, 'ac', actor, 'ow', owner, 'pa', parent, 'mr', a[3] or '0',
        'a', '1', 'ts', now}
    if a[1] == 'E' or a[1] == 'D' or not a[1] then
      local err = a[2] or missing
      redis.call('HSET', key, 'st', 'E', 'er', err, 'te', now, unpack(fields))
      settle(id, 'E', err, now, inlineMax)
      -- why: set after settle, which lets go of the arguments of a task; this one never held them
      redis.call('HSET', key, 'd', table.concat(deps, ' '))
    else
      local q = 'a:' .. actor
      local eid = redis.call('XADD', queue(q), '*', 't', id, 'a', '1', 's', spec)
      redis.call('HSET', key, 'st', 'Q', 'tq', now, 'q', q, 'sp', spec, 'e', eid, 'd', table.concat(deps, ' '),
          unpack(fields))
      event('Q', id)
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
    local q = 'q:' .. shape
    if newShape == '1' then
      redis.pcall('XGROUP', 'CREATE', queue(q), 'w', '0', 'MKSTREAM')
      redis.call('SADD', P .. 'shapes', shape)
    end
    local pending, failed, large = 0, nil, {}
    for _, dep in ipairs(deps) do
      local dk = rec(dep)
      local d = redis.call('HMGET', dk, 'st', 'lg', 'sz')
      local dst = d[1]
      if d[2] == '1' then
        large[#large + 1] = {dep, tonumber(d[3]) or 0}
      end
      if dst == 'E' or dst == 'C' then
        failed = redis.call('HGET', dk, 'er')
        break
      elseif not dst then
        failed = missing
        break
      elseif dst ~= 'F' then
        redis.call('SADD', P .. 'w:' .. dep, id)
        redis.call('HSET', dk, 'hw', '1')
        pending = pending + 1
      end
    end
    redis.call('ZADD', P .. 'tasks', now, id)
    event('N', id, fn)
    local fields = {'k', 't', 'fn', fn, 'nm', name, 'q', q, 'ow', owner, 'pa', parent, 'mr', mr, 'sp', spec,
        'a', '1', 'ts', now}
    if failed then
      redis.call('HSET', key, 'st', 'E', 'er', failed, 'te', now, unpack(fields))
      settle(id, 'E', failed, now, inlineMax)
      -- why: set after settle, which lets go of the arguments of a task; this one never held them
      redis.call('HSET', key, 'd', table.concat(deps, ' '))
    elseif pending > 0 then
      holdArguments(deps)
      redis.call('HSET', key, 'd', table.concat(deps, ' '), 'st', 'W', 'pd', pending, unpack(fields))
      event('W', id)
    else
      holdArguments(deps)
      local eq = nodeQueue(q, large) or q
      local eid = redis.call('XADD', queue(eq), '*', 't', id, 'a', '1', 's', spec)
      redis.call('HSET', key, 'd', table.concat(deps, ' '), 'st', 'Q', 'tq', now, 'e', eid, 'eq', eq, unpack(fields))
      event('Q', id)
    end
  end
end

local replayed = #ARGV >= 7 and redis.call('HEXISTS', rec(ARGV[7]), 'k') == 1
local refused = eachRecord(6, recordLength, 1, function(i)
  local kind, id = ARGV[i], ARGV[i + 1]
  if not (replayed and redis.call('HEXISTS', rec(id), 'k') == 1) then
    submitRecord(kind, id, i)
  end
end)
flushNotes()
return refused
