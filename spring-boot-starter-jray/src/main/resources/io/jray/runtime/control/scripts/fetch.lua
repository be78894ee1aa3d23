-- Reads one object: its state, then its value (inline) or error, or, for a large value, its size
-- and the nodes holding a copy that are alive. ARGV: id, the key prefix of node hashes (such as
-- "jray:node:{"). Returns {state, payload, large, size, node...}; state '' when the record is gone.
local id, nodePrefix = ARGV[1], ARGV[2]
local f = redis.call('HMGET', rec(id), R.state, R.value, R.error, R.large, R.size)
if not f[1] then
  return {''}
end
if f[1] ~= ST.finished then
  return {f[1], f[3] or ''}
end
if f[4] ~= '1' then
  return {f[1], f[2] or false}
end
local out = {f[1], '', '1', f[5]}
for _, node in ipairs(redis.call('SMEMBERS', P .. K.holders .. id)) do
  if redis.call('EXISTS', nodePrefix .. node .. '}') == 1 then
    out[#out + 1] = node
  end
end
return out
