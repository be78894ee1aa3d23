-- Shared by every jray script. KEYS[1] is the key prefix of one job, such as "jray:{j3k2a}:", so a
-- script touches the keys of one hash slot only. Records ("o:<id>") hold a task and its result:
--   st  state: W waits for dependencies, Q queued, R running, F finished, E failed, C cancelled
--   a   attempt, mr max retries, q queue shape, e queue entry, sp spec, ow owner node, v value, er error
--   hw  has waiters (set "w:<id>"), hs has subscribers (set "sub:<id>")
local P = KEYS[1]

local function rec(id)
  return P .. 'o:' .. id
end

local function queue(shape)
  return P .. 'q:' .. shape
end

local function notify(node, id, st, payload)
  if node and node ~= '' then
    if payload then
      redis.call('XADD', P .. 'n:' .. node, '*', 'i', id, 's', st, 'p', payload)
    else
      redis.call('XADD', P .. 'n:' .. node, '*', 'i', id, 's', st)
    end
  end
end

local function enqueue(id, now)
  local key = rec(id)
  local f = redis.call('HMGET', key, 'q', 'a', 'sp')
  local eid = redis.call('XADD', queue(f[1]), '*', 't', id, 'a', f[2], 's', f[3])
  redis.call('HSET', key, 'st', 'Q', 'tq', now, 'e', eid)
end

-- A settled object notifies its owner and subscribers; then the tasks waiting for it are released
-- (on success) or fail with the same error (on failure or cancellation), transitively. 'known' may
-- hold the object's owner, has-subscribers and has-waiters fields, already read by the caller.
local function settle(id, st, payload, now, inlineMax, known)
  local ids, sts, n = {id}, {st}, 1
  while n > 0 do
    local tid, tst = ids[n], sts[n]
    ids[n] = nil
    sts[n] = nil
    n = n - 1
    local key = rec(tid)
    local r = known
    if tid ~= id or not r then
      r = redis.call('HMGET', key, 'ow', 'hs', 'hw')
    end
    local inline = payload
    if tst == 'F' and #payload > inlineMax then
      inline = nil
    end
    notify(r[1], tid, tst, inline)
    if r[2] then
      local subs = P .. 'sub:' .. tid
      for _, node in ipairs(redis.call('SMEMBERS', subs)) do
        notify(node, tid, tst, inline)
      end
      redis.call('DEL', subs)
    end
    if r[3] then
      local waiters = P .. 'w:' .. tid
      for _, w in ipairs(redis.call('SMEMBERS', waiters)) do
        local wk = rec(w)
        if redis.call('HGET', wk, 'st') == 'W' then
          if tst == 'F' then
            if redis.call('HINCRBY', wk, 'pd', -1) <= 0 then
              enqueue(w, now)
            end
          else
            redis.call('HSET', wk, 'st', 'E', 'er', payload, 'te', now)
            n = n + 1
            ids[n] = w
            sts[n] = 'E'
          end
        end
      end
      redis.call('DEL', waiters)
    end
  end
end
