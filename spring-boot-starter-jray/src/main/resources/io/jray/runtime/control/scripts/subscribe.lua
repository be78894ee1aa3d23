-- Resolves objects for a node that does not own them. ARGV: node, then object ids.
-- Returns one entry per id: {state, value or error} when settled ({'F'} alone for a large value,
-- which is fetched apart), {'L'} when unknown (lost or freed), or {'P'} after subscribing the node
-- to its notification.
local node = ARGV[1]
local out = {}
for k = 2, #ARGV do
  local id = ARGV[k]
  local key = rec(id)
  local r = redis.call('HMGET', key, R.state, R.value, R.error, R.large)
  local st = r[1]
  if st == 'F' and r[2] then
    out[#out + 1] = {'F', r[2]}
  elseif st == 'F' and r[4] == '1' then
    out[#out + 1] = {'F'}
  elseif (st == 'E' or st == 'C') and r[3] then
    out[#out + 1] = {st, r[3]}
  elseif st == 'W' or st == 'Q' or st == 'R' then
    redis.call('SADD', P .. K.subscribers .. id, node)
    redis.call('HSET', key, R.hasSubscribers, '1')
    redis.call('SADD', P .. K.notified, node)
    out[#out + 1] = {'P'}
  else
    out[#out + 1] = {'L'}
  end
end
return out
