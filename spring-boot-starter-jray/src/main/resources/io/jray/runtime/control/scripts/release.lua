-- Objects whose owner dropped its last ref. ARGV: object ids. Each one no unsettled task holds is
-- freed now; the others are marked released, and go with the last task holding them.
-- Returns the ids of the large objects freed, whose copies their holders may now delete.
local freed = {}
for k = 1, #ARGV do
  local id = ARGV[k]
  local key = rec(id)
  local r = redis.call('HMGET', key, 'st', 'pc', 'lg')
  if r[1] then
    if (r[1] == 'F' or r[1] == 'E' or r[1] == 'C') and (tonumber(r[2]) or 0) <= 0 then
      free(id, r[3] == '1')
      if r[3] == '1' then
        freed[#freed + 1] = id
      end
    else
      redis.call('HSET', key, 'rl', '1')
    end
  end
end
return freed
