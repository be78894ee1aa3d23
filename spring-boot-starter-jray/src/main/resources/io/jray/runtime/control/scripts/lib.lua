-- Shared by every jray script. KEYS[1] is the key prefix of one job, such as "jray:{j3k2a}:", so a
-- script touches the keys of one hash slot (besides node hashes and the event stream KEYS[2]).
-- Records ("o:<id>") hold a task and its result. Their fields, states and kinds, the job's keys and
-- every other name a script shares with Java are defined in Java and written into the scripts as
-- literals when they load (ScriptSchema): R.state is the field 'st', ST.queued the state 'Q'.
local P = KEYS[1]

local function rec(id)
  return P .. K.record .. id
end

local function queue(name)
  return P .. name
end

-- The text of an error caught by pcall: a Redis error reply (a table with 'err') or a Lua error.
local function errorText(e)
  if type(e) == 'table' and e.err then
    return e.err
  end
  return tostring(e)
end

-- Runs handle(i) on each record of a batch script's arguments, from ARGV[first] on, length(i)
-- arguments each, in one protected run that resumes after a record Redis refuses (out of memory, a
-- key of the wrong type): refusedAt(i, error) is told of it, and the rest of the batch is written.
-- Returns the refused records as a flat list: id (ARGV[i + idAt]), error, id, error...
local function eachRecord(first, length, idAt, handle, refusedAt)
  local i = first
  local function fromI()
    while i <= #ARGV do
      handle(i)
      i = i + length(i)
    end
  end
  local refused = {}
  while true do
    local ok, err = pcall(fromI)
    if ok then
      return refused
    end
    err = errorText(err)
    refused[#refused + 1] = ARGV[i + idAt]
    refused[#refused + 1] = err
    if refusedAt then
      refusedAt(i, err)
    end
    i = i + length(i)
  end
end

-- The value of field 'name' of a stream entry ({id, {field, value, ...}}), or nil.
local function entryField(entry, name)
  local f = entry[2]
  for j = 1, #f, 2 do
    if f[j] == name then
      return f[j + 1]
    end
  end
  return nil
end

-- Sets the fields (name, value, name, value...) of a record whose value is not empty: an absent
-- field reads as empty, and a record of fewer fields stays a small encoding in Redis.
local function setNonEmpty(key, ...)
  local given, kept = {...}, {}
  for k = 1, #given, 2 do
    if given[k + 1] ~= '' then
      kept[#kept + 1] = given[k]
      kept[#kept + 1] = given[k + 1]
    end
  end
  if #kept > 0 then
    redis.call('HSET', key, unpack(kept))
  end
end

-- The spec in queue entry 'eid' of queue 'q', read before the entry goes, or nil.
local function entrySpec(q, eid)
  local entry = redis.call('XRANGE', queue(q), eid, eid)[1]
  return entry and entryField(entry, QE.spec)
end

-- Notifications are gathered per node and sent by flushNotes() at the end of a script: one stream
-- entry per node and script call, with fields i0 s0 p0 i1 s1 ... (p: the value or error, inline).
local notes = {}

local function notify(node, id, st, payload)
  if node and node ~= '' then
    local list = notes[node]
    if not list then
      list = {}
      notes[node] = list
    end
    list[#list + 1] = {id, st, payload}
  end
end

-- History events, for dashboards: what this script call did to tasks, as one entry of the
-- namespace's event stream KEYS[2] (field p: the job's key prefix, e: the events), given only while
-- a dashboard listens. An event is three words: state, task id and a detail ('-' for none):
-- N <id> <function> for a new task (its state follows), R/F/E <id> <node,started at>
-- (or - when no node reported it), X <id> <node,started at> (an attempt failed and the task is
-- retried), and Q, W, C, D <id> -.
local NS = string.match(P, '^(.*):{[^{}]*}:$')
local EVENTS = KEYS[2]
local events = {}

local function event(st, id, detail)
  if EVENTS then
    events[#events + 1] = st .. ' ' .. id .. ' ' .. (detail or '-')
  end
end

local function flushEvents()
  if #events > 0 then
    redis.pcall('XADD', EVENTS, 'MAXLEN', '~', '50000', '*', EF.prefix, P, EF.events, table.concat(events, ' '))
    events = {}
  end
end

-- Bounded work: one script call settles at most 'budget' tasks besides the ones it was called for
-- (their failed dependents, transitively) and fails at most CALLS_PER_CALL calls of an ended actor.
-- What is left goes to the job's backlog list "bl" as items 'S <id>' (a failed task still to be
-- settled) and 'A <actor>' (an ended actor with calls left in its stream), and the job's owner is
-- told by a note of state B to work it off with drain.lua, one bounded call at a time.
local budget = 1000
local CALLS_PER_CALL = 500
local backlogged = false
local announceBacklog = true

local function defer(items)
  for k = 1, #items, 1000 do
    redis.call('RPUSH', P .. K.backlog, unpack(items, k, math.min(k + 999, #items)))
  end
  backlogged = true
end

local function flushNotes()
  if backlogged and announceBacklog then
    notify(redis.call('HGET', P .. K.meta, JM.owner), '', NF.backlog)
  end
  backlogged = false
  flushEvents()
  for node, list in pairs(notes) do
    local key = P .. K.notes .. node
    local fields = {}
    for k, note in ipairs(list) do
      local j = (k - 1) % 1000
      fields[#fields + 1] = NF.id .. j
      fields[#fields + 1] = note[1]
      fields[#fields + 1] = NF.state .. j
      fields[#fields + 1] = note[2]
      if note[3] then
        fields[#fields + 1] = NF.payload .. j
        fields[#fields + 1] = note[3]
      end
      if j == 999 or k == #list then
        -- why: a notification stream of the wrong type must not abort a script that wrote; the node
        -- finds the settled state when it reconciles its pending refs
        redis.pcall('XADD', key, '*', unpack(fields))
        fields = {}
      end
    end
  end
  notes = {}
end

-- Locality: the queue of the node holding the most bytes of a task's large arguments ('large', a
-- list of {id, size}), when that node reads a queue of its own for this shape (listed in "targets")
-- and has free slots by its last heartbeat; nil when no such node. 'q' is the shape's shared queue.
local NODE_PREFIX = NS .. ':node:{'

local function nodeQueue(q, large, avoid)
  local bytes, best, most = {}, nil, 0
  for _, arg in ipairs(large) do
    for _, holder in ipairs(redis.call('SMEMBERS', P .. K.holders .. arg[1])) do
      local total = (bytes[holder] or 0) + arg[2]
      bytes[holder] = total
      if total > most then
        best, most = holder, total
      end
    end
  end
  if best and best ~= avoid and redis.call('SISMEMBER', P .. K.targets, q .. '@' .. best) == 1 then
    local free = tonumber(redis.call('HGET', NODE_PREFIX .. best .. '}', NODE.free))
    if free and free > 0 then
      return q .. '@' .. best
    end
  end
  return nil
end

-- The large ones among a task's arguments ('deps', space separated ids), as a list of {id, size}.
local function largeArguments(deps)
  local large = {}
  for dep in string.gmatch(deps, '%S+') do
    local g = redis.call('HMGET', rec(dep), R.large, R.size)
    if g[1] == '1' then
      large[#large + 1] = {dep, tonumber(g[2]) or 0}
    end
  end
  return large
end

-- Queues a task: in the queue of the node holding most of its large arguments when that node has
-- room (and is not 'avoid', a node that gave the task back), else in its shape's shared queue. 'eq'
-- names the queue of its entry 'e'. A spec is stored once: 'spec' is the one of the entry the
-- caller takes back; without it, the record's (kept only by a task waiting for its arguments, an
-- actor's creation and a task whose large result may be rebuilt).
local function enqueue(id, now, avoid, spec)
  local key = rec(id)
  local f = redis.call('HMGET', key, R.queue, R.attempt, R.spec, R.dependencies)
  local q = f[1]
  if f[4] and f[4] ~= '' and string.sub(q, 1, #K.taskQueue) == K.taskQueue then
    q = nodeQueue(q, largeArguments(f[4]), avoid) or q
  end
  local eid = redis.call('XADD', queue(q), '*', QE.task, id, QE.attempt, f[2], QE.spec, spec or f[3])
  redis.call('HSET', key, R.state, ST.queued, R.entry, eid, R.entryQueue, q)
  event(ST.queued, id)
end

-- Frees an object that nothing refers to any more: no ref in its owner, no unsettled task taking
-- it. Its record goes at once, and with its holder set its copies in object stores (each holder
-- drops files it is no longer listed for); while a dashboard listens (EVENTS), only its value and
-- spec go, and the rest of the record expires after the job's retention time, for the history.
-- 'large' false tells that it has no copies to forget.
local retention = nil

local function free(id, large)
  local key = rec(id)
  if EVENTS then
    if not retention then
      retention = redis.call('HGET', P .. K.meta, JM.retention) or '3600000'
    end
    redis.call('HDEL', key, R.value, R.spec, R.large)
    redis.call('PEXPIRE', key, retention)
  else
    redis.call('DEL', key)
  end
  redis.call('ZREM', P .. K.records, id)
  if large ~= false then
    redis.call('DEL', P .. K.holders .. id)
  end
end

-- A settled task no longer holds its arguments: each one whose owner let go is freed with the last
-- task taking it.
local function releaseArguments(deps)
  if deps and deps ~= '' then
    for dep in string.gmatch(deps, '%S+') do
      local dk = rec(dep)
      local left = redis.pcall('HINCRBY', dk, R.takenBy, -1)
      if type(left) == 'number' and left <= 0 then
        local f = redis.call('HMGET', dk, R.released, R.state)
        if f[1] == '1' then
          free(dep)
        elseif not f[2] then
          -- why: the argument's record was gone (its job ended); the count must not leave a key behind
          redis.call('DEL', dk)
        end
      end
    end
  end
end

-- Every argument of a new task is held until the task settles.
local function holdArguments(deps)
  for _, dep in ipairs(deps) do
    redis.pcall('HINCRBY', rec(dep), R.takenBy, 1)
  end
end

-- A settled object notifies its owner and subscribers; then the tasks waiting for it are released
-- (on success) or fail with the same error (on failure or cancellation), transitively. A
-- large value (payload false) is announced without a payload: readers fetch its locations. The
-- settled task lets go of its arguments, and is freed at once if its owner already dropped its ref.
-- 'known' holds fields ow hs hw d rl pc of the record when the caller read them; 'reporter' is the
-- "node,started at" of the attempt a node reported on (its event names them), or nil.
local function settle(id, st, payload, now, inlineMax, known, reporter)
  local ids, sts, n = {id}, {st}, 1
  while n > 0 do
    if budget <= 0 and ids[n] ~= id then
      local items = {}
      for k = 1, n do
        items[k] = 'S ' .. ids[k]
      end
      defer(items)
      return
    end
    budget = budget - 1
    local tid, tst = ids[n], sts[n]
    ids[n] = nil
    sts[n] = nil
    n = n - 1
    local key = rec(tid)
    local r = known
    if tid ~= id or not r then
      r = redis.call('HMGET', key, R.owner, R.hasSubscribers, R.hasWaiters, R.dependencies, R.released, R.takenBy)
    end
    event(tst, tid, tid == id and reporter or nil)
    local inline = payload
    if tst == ST.finished and (payload == false or #payload > inlineMax) then
      inline = nil
    end
    notify(r[1], tid, tst, inline)
    if r[2] then
      local subs = P .. K.subscribers .. tid
      for _, node in ipairs(redis.call('SMEMBERS', subs)) do
        notify(node, tid, tst, inline)
      end
      redis.call('DEL', subs)
    end
    if r[3] then
      local waiters = P .. K.waiters .. tid
      for _, w in ipairs(redis.call('SMEMBERS', waiters)) do
        local wk = rec(w)
        if redis.call('HGET', wk, R.state) == ST.waiting then
          if tst == ST.finished then
            if redis.call('HINCRBY', wk, R.pendingDependencies, -1) <= 0 then
              enqueue(w, now)
              redis.call('HDEL', wk, R.spec)
            end
          else
            redis.call('HSET', wk, R.state, ST.failed, R.error, payload, R.endedAt, now)
            n = n + 1
            ids[n] = w
            sts[n] = ST.failed
          end
        end
      end
      redis.call('DEL', waiters)
    end
    releaseArguments(r[4])
    if r[5] == '1' and (tonumber(r[6]) or 0) <= 0 then
      free(tid)
    end
  end
end

-- Fails the calls still in an actor's call stream (waiting, or read but not finished) with the
-- actor's error, CALLS_PER_CALL of them per script call (the rest go to the backlog), and deletes
-- the stream once it is empty.
local function failCalls(actor, err, now, inlineMax)
  local aq = queue(K.actorQueue .. actor)
  local entries = redis.call('XRANGE', aq, '-', '+', 'COUNT', CALLS_PER_CALL)
  local done = {}
  for _, entry in ipairs(entries) do
    done[#done + 1] = entry[1]
    local id = entryField(entry, QE.task)
    if id then
      local key = rec(id)
      local st = redis.call('HGET', key, R.state)
      if st == ST.queued or st == ST.running then
        redis.call('HSET', key, R.state, ST.failed, R.error, err, R.endedAt, now)
        settle(id, ST.failed, err, now, inlineMax)
      end
    end
  end
  if #entries < CALLS_PER_CALL then
    redis.call('DEL', aq)
  else
    redis.call('XDEL', aq, unpack(done))
    defer({'A ' .. actor})
  end
end

-- Ends an actor: state E (it could not be created) or D (it died), and its calls fail.
local function endActor(actor, st, err, now, inlineMax)
  redis.call('HSET', rec(actor), R.state, st, R.error, err, R.endedAt, now)
  event(st, actor)
  failCalls(actor, err, now, inlineMax)
end
