-- Retires a job, 500 records per call: values and specs are dropped at once, unfinished tasks are
-- cancelled (so a late outcome is ignored and recreates nothing), and the rest of each record expires
-- after the retention time. ARGV: retention ms, offset. Returns the next offset, 0 when done.
local retention, offset = ARGV[1], tonumber(ARGV[2])
local ids = redis.call('ZRANGE', P .. 'tasks', offset, offset + 499)
for _, id in ipairs(ids) do
  local key = rec(id)
  local st = redis.call('HGET', key, 'st')
  if st == 'W' or st == 'Q' or st == 'R' then
    redis.call('HSET', key, 'st', 'C')
    event('C', id)
  elseif st == 'F' and redis.call('HGET', key, 'k') == 'a' then
    redis.call('HSET', key, 'st', 'D')
    event('D', id)
  end
  redis.call('HDEL', key, 'v', 'sp')
  redis.call('PEXPIRE', key, retention)
  redis.call('DEL', P .. 'w:' .. id, P .. 'sub:' .. id, P .. 'l:' .. id)
end
flushEvents()
if #ids == 500 then
  return offset + 500
end
for _, actor in ipairs(redis.call('SMEMBERS', P .. 'actors')) do
  redis.call('DEL', queue('a:' .. actor))
end
for _, shape in ipairs(redis.call('SMEMBERS', P .. 'shapes')) do
  redis.call('DEL', queue('q:' .. shape))
end
for _, target in ipairs(redis.call('SMEMBERS', P .. 'targets')) do
  redis.call('DEL', queue(target))
end
for _, node in ipairs(redis.call('SMEMBERS', P .. 'nodes')) do
  redis.call('DEL', P .. 'n:' .. node)
end
redis.call('PEXPIRE', P .. 'tasks', retention)
redis.call('PEXPIRE', P .. 'meta', retention)
redis.call('DEL', P .. 'shapes', P .. 'nodes', P .. 'actors', P .. 'targets')
return 0
