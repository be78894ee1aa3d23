-- Works off a job's backlog "bl" (see lib.lua): failed tasks still to be settled and ended actors
-- whose calls are still to be failed, within one script call's budget. ARGV: now, inline limit.
-- Returns 1 while some is left (call again), 0 when the backlog is empty.
local now, inlineMax = ARGV[1], tonumber(ARGV[2])
local bl = P .. K.backlog
-- why: the caller goes on until the backlog is empty; telling the owner again would start a second drainer
announceBacklog = false
while budget > 0 do
  local item = redis.call('LPOP', bl)
  if not item then
    break
  end
  local kind, id = string.sub(item, 1, 1), string.sub(item, 3)
  local err = redis.call('HGET', rec(id), R.error) or ''
  if kind == 'S' then
    settle(id, ST.failed, err, now, inlineMax)
  elseif kind == 'A' then
    failCalls(id, err, now, inlineMax)
  end
end
flushNotes()
return redis.call('EXISTS', bl)
