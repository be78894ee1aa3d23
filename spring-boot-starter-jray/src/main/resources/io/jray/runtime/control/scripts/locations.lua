-- Adds ('+') or removes ('-') a node as a holder of copies of large objects. ARGV: op, node, ids.
-- A copy is only added to an object that is still finished and large (not freed meanwhile).
local op, node = ARGV[1], ARGV[2]
for i = 3, #ARGV do
  local id = ARGV[i]
  if op == '+' then
    local f = redis.call('HMGET', rec(id), R.state, R.large)
    if f[1] == ST.finished and f[2] == '1' then
      redis.call('SADD', P .. K.holders .. id, node)
    end
  else
    redis.call('SREM', P .. K.holders .. id, node)
  end
end
return 1
