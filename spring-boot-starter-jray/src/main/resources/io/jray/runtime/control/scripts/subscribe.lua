-- Resolves objects for a node that does not own them. ARGV: node, then object ids.
-- Returns one entry per id: {state, value or error} when settled ({ST.finished} alone for a large value,
-- which is fetched apart), {OS.lost} when unknown (lost or freed), or {OS.pending} after subscribing the node
-- to its notification.
local node = ARGV[1]
local out = {}
for k = 2, #ARGV do
  local id = ARGV[k]
  local key = rec(id)
  local r = redis.call('HMGET', key, R.state, R.value, R.error, R.large)
  local st = r[1]
  if st == ST.finished and r[2] then
    out[#out + 1] = {ST.finished, r[2]}
  elseif st == ST.finished and r[4] == '1' then
    out[#out + 1] = {ST.finished}
  elseif (st == ST.failed or st == ST.cancelled) and r[3] then
    out[#out + 1] = {st, r[3]}
  elseif st == ST.waiting or st == ST.queued or st == ST.running then
    redis.call('SADD', P .. K.subscribers .. id, node)
    redis.call('HSET', key, R.hasSubscribers, '1')
    redis.call('SADD', P .. K.notified, node)
    out[#out + 1] = {OS.pending}
  else
    out[#out + 1] = {OS.lost}
  end
end
return out
