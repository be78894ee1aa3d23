-- Records what a node did with the tasks it read, in one round trip.
-- ARGV: now, node, inline notification limit, then records of 7 fields:
--   id attempt queue entryId kind payload startedAt
-- kinds: S started, F finished (payload = value), L finished with a large value (payload = its size;
--        the value is in this node's object store), E failed (payload = error),
--        R retry after an exception (next attempt), G given back before it started (same attempt).
-- An actor's creation finishes when the actor lives (F); if it fails (E), so do its calls.
-- A record of an older attempt, or of a cancelled task, only acknowledges its queue entry.
local now, node, inlineMax = ARGV[1], ARGV[2], tonumber(ARGV[3])
local i = 4
while i <= #ARGV do
  local id, att, q, eid, kind, payload, started = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3],
      ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
  i = i + 7
  reportingNode = node .. ',' .. started
  local key = rec(id)
  local cur = redis.call('HMGET', key, 'st', 'a', 'ow', 'hs', 'hw', 'k', 'd', 'rl', 'pc')
  local live = (cur[1] == 'Q' or cur[1] == 'R') and cur[2] == att
  local known = {cur[3], cur[4], cur[5], cur[7], cur[8], cur[9]}
  if kind == 'S' then
    if live then
      redis.call('HSET', key, 'st', 'R', 'n', node, 'tr', started)
      event('R', id, node)
    end
  else
    redis.call('XACK', queue(q), 'w', eid)
    redis.call('XDEL', queue(q), eid)
    if live then
      if kind == 'F' then
        redis.call('HSET', key, 'st', 'F', 'v', payload, 'sz', #payload, 'n', node, 'tr', started, 'te', now)
        settle(id, 'F', payload, now, inlineMax, known)
      elseif kind == 'L' then
        redis.call('HSET', key, 'st', 'F', 'lg', '1', 'sz', payload, 'n', node, 'tr', started, 'te', now)
        redis.call('SADD', P .. 'l:' .. id, node)
        settle(id, 'F', false, now, inlineMax, known)
      elseif kind == 'E' then
        redis.call('HSET', key, 'st', 'E', 'er', payload, 'n', node, 'tr', started, 'te', now)
        settle(id, 'E', payload, now, inlineMax, known)
        if cur[6] == 'a' then
          failCalls(id, payload, now, inlineMax)
        end
      else
        local a = tonumber(att)
        if kind == 'R' then
          a = a + 1
          redis.call('HSET', key, 'le', payload)
          event('X', id, reportingNode)
        end
        redis.call('HSET', key, 'a', a)
        enqueue(id, now)
      end
    end
  end
end
flushNotes()
return 1
