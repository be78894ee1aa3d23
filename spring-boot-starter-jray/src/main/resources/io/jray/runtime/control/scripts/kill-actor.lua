-- Kills an actor: it is dead (D) from now on, its calls still waiting fail, and a creation still
-- queued leaves its queue. ARGV: now, actor id, death error, inline limit.
-- Returns {state before, node hosting it} ('' for an unknown actor or no host).
local now, actor, err, inlineMax = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local key = rec(actor)
local f = redis.call('HMGET', key, R.state, R.node, R.queue, R.entry)
if not f[1] then
  return {'', ''}
end
if f[1] ~= ST.dead and f[1] ~= ST.failed then
  if f[1] == ST.queued and f[3] and f[4] then
    redis.call('XACK', queue(f[3]), 'w', f[4])
    redis.call('XDEL', queue(f[3]), f[4])
  end
  endActor(actor, ST.dead, err, now, inlineMax)
  flushNotes()
end
return {f[1], f[2] or ''}
