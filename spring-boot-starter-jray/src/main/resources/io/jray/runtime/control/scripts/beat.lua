-- A node's heartbeat. KEYS[1] is its hash, KEYS[2] the key a dashboard keeps while it listens to task
-- events; ARGV: now, time to live (ms), then field-value pairs of what the node reports of its load
-- (free slots, running tasks, object store use, ...).
-- Refreshes a live registration; returns 0, changing nothing, when it has lapsed (the node was
-- reaped, or Redis lost its data), so that the node registers anew; else 2 while a dashboard
-- listens, 1 otherwise.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], NODE.beat, ARGV[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1 + redis.call('EXISTS', KEYS[2])
