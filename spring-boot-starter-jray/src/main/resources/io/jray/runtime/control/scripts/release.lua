-- Objects whose owner dropped its last ref. ARGV: object ids. Each one no unsettled task holds is
-- freed now; the others are marked released, and go with the last task holding them.
-- Returns, for each large object freed, its id followed by its holders, space separated: they may
-- delete their copies now.
local freed = {}
for k = 1, #ARGV do
  local id = ARGV[k]
  local key = rec(id)
  local r = redis.call('HMGET', key, R.state, R.takenBy, R.large)
  if r[1] then
    if (r[1] == ST.finished or r[1] == ST.failed or r[1] == ST.cancelled) and (tonumber(r[2]) or 0) <= 0 then
      if r[3] == '1' then
        local holders = redis.call('SMEMBERS', P .. K.holders .. id)
        freed[#freed + 1] = id .. ' ' .. table.concat(holders, ' ')
      end
      free(id, r[3] == '1')
    else
      redis.call('HSET', key, R.released, '1')
    end
  end
end
return freed
