-- Cancels a task that has not finished. ARGV: now, id, cancellation error, inline limit.
-- Returns the state before ('' for an unknown task).
local now, id, err, inlineMax = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local key = rec(id)
local st = redis.call('HGET', key, 'st')
if st == 'W' or st == 'Q' or st == 'R' then
  redis.call('HSET', key, 'st', 'C', 'er', err, 'te', now)
  settle(id, 'C', err, now, inlineMax)
end
return st or ''
