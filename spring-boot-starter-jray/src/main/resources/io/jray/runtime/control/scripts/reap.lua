-- Takes back up to 100 queue entries that a dead node had read: each task is queued again for its
-- next attempt, or fails with the node's death when its retries are used up.
-- ARGV: now, queue, dead node, node-died error, inline limit. Returns how many entries were handled.
local now, name, dead, err, inlineMax = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local q = queue(name)
local ok, pending = pcall(redis.call, 'XPENDING', q, 'w', '-', '+', 100, dead)
if not ok then
  return 0
end
for _, p in ipairs(pending) do
  local eid = p[1]
  local entry = redis.call('XRANGE', q, eid, eid)[1]
  redis.call('XACK', q, 'w', eid)
  redis.call('XDEL', q, eid)
  if entry then
    local id, att = nil, nil
    local f = entry[2]
    for j = 1, #f, 2 do
      if f[j] == 't' then
        id = f[j + 1]
      elseif f[j] == 'a' then
        att = f[j + 1]
      end
    end
    local key = rec(id)
    local r = redis.call('HMGET', key, 'st', 'a', 'mr', 'k')
    if (r[1] == 'Q' or r[1] == 'R') and r[2] == att then
      if tonumber(att) <= tonumber(r[3]) then
        redis.call('HSET', key, 'a', tonumber(att) + 1)
        enqueue(id, now)
      elseif r[4] == 'a' then
        endActor(id, 'D', err, now, inlineMax)
      else
        redis.call('HSET', key, 'st', 'E', 'er', err, 'te', now)
        settle(id, 'E', err, now, inlineMax)
      end
    end
  end
end
flushNotes()
return #pending
