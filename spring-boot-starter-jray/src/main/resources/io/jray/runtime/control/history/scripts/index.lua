-- Applies a batch of history events (see lib.lua) to the history index of a namespace, whose keys
-- start with "<ns>:h:" (KEYS[1] is the namespace). The index is a ring of 'cap' slots, a multiple
-- of 4096: each new task takes the next sequence number (seq) and the slot seq % cap, holding
--   a row "r:<slot / 128>" field <slot % 128>: "seq job id function state node submitted started
--   ended" followed by its timeline, its first 40 events as <state>:<ms>:<node> (:<started ms> when
--   a node reported the end of an attempt; state X: an attempt failed and is retried)
--   a bit in "all", in "f:<function>", in "j:<job>", in "s:<state>" and, once it ran, in "n:<node>"
--   (listed in "maps")
-- and the task's record keeps its seq (field hx). The first 50 tasks that take a task's result as
-- an argument are its dependents: "d:<seq / 128>" field <seq % 128>, their ids space separated.
-- Before a new task takes the first slot of a block of 4096, that block is cleared in every bitmap
-- and the dependents of its tasks are deleted: the oldest tasks leave the history 4096 at a time.
-- Rows touched by several events of a batch are written once. Finished and failed tasks count in
-- "rate" (fields "<10 s bucket>F" and "<10 s bucket>E", the last hour kept). "cursor" names the
-- last stream entry applied: entries up to it are skipped, so dashboards that read the same
-- entries apply them once. ARGV: cap, then per entry: entry id, job key prefix, events.
-- Returns how many entries were applied.
local H = KEYS[1] .. ':h:'
local cap = tonumber(ARGV[1])
local BLOCK = 4096
local rows, order, maps = {}, {}, {}
local newestSeq = tonumber(redis.call('GET', H .. HK.seq) or '0')
local MAX_DEPENDENTS = 50

local function split(text)
  local out = {}
  for word in string.gmatch(text, '%S+') do
    out[#out + 1] = word
  end
  return out
end

local function rowKey(slot)
  return H .. HK.rows .. math.floor(slot / 128), tostring(slot % 128)
end

local function dependentsKey(seq)
  return H .. HK.dependents .. math.floor(seq / 128), tostring(seq % 128)
end

local ROW_FIELDS = 9
local MAX_TIMELINE = 40

-- The slot of a task's seq while the task is in the history; nil once its block was cleared.
local function slotOf(seq)
  if not seq or newestSeq >= math.floor(seq / BLOCK) * BLOCK + cap then
    return nil
  end
  return seq % cap
end

local function mark(map, slot, on)
  redis.call('SETBIT', H .. map, slot, on and 1 or 0)
  if on then
    maps[map] = true
  end
end

-- Before seq takes the first slot of its block: the tasks of that block leave the history.
local function clearBlock(slot, seq)
  for first = seq - cap, seq - cap + BLOCK - 1, 128 do
    if first >= 0 then
      redis.call('DEL', dependentsKey(first))
    end
  end
  local zeros = string.rep('\0', BLOCK / 8)
  for _, map in ipairs(redis.call('SMEMBERS', H .. HK.maps)) do
    redis.call('SETRANGE', H .. map, slot / 8, zeros)
    if redis.call('BITCOUNT', H .. map) == 0 then
      redis.call('DEL', H .. map)
      redis.call('SREM', H .. HK.maps, map)
    end
  end
end

-- The row of a task, loaded once per batch: nil when the task is not (or no longer) in the history.
local function load(prefix, id)
  local cached = rows[prefix .. id]
  if cached ~= nil then
    return cached
  end
  local seq = tonumber(redis.call('HGET', prefix .. K.record .. id, R.historySeq))
  local slot = slotOf(seq)
  if not slot then
    return nil
  end
  local key, field = rowKey(slot)
  local text = redis.call('HGET', key, field)
  local row = text and split(text)
  if not row or tonumber(row[1]) ~= seq then
    return nil
  end
  row.slot, row.st0, row.node0 = slot, row[5], row[6]
  rows[prefix .. id] = row
  order[#order + 1] = row
  return row
end

local function create(prefix, id, fn, ms)
  local seq = redis.call('INCR', H .. HK.seq)
  newestSeq = seq
  local slot = seq % cap
  if slot % BLOCK == 0 then
    clearBlock(slot, seq)
  end
  local rk = prefix .. K.record .. id
  local f = redis.call('HMGET', rk, R.kind, R.dependencies)
  if f[1] then
    redis.call('HSET', rk, R.historySeq, seq)
    for dep in string.gmatch(f[2] or '', '%S+') do
      local depSeq = tonumber(redis.call('HGET', prefix .. K.record .. dep, R.historySeq))
      if slotOf(depSeq) then
        local key, field = dependentsKey(depSeq)
        local known = redis.call('HGET', key, field)
        if not known then
          redis.call('HSET', key, field, id)
        elseif select(2, string.gsub(known, ' ', '')) < MAX_DEPENDENTS - 1 then
          redis.call('HSET', key, field, known .. ' ' .. id)
        end
      end
    end
  end
  local job = string.match(prefix, '{([^{}]*)}')
  local row = {tostring(seq), job, id, fn, '-', '-', ms, '-', '-'}
  row.slot, row.st0, row.node0 = slot, '-', '-'
  mark('all', slot, true)
  mark(HK.byFunction .. fn, slot, true)
  mark(HK.byJob .. job, slot, true)
  rows[prefix .. id] = row
  order[#order + 1] = row
end

-- Whether stream entry id a ("ms-n") comes after b.
local function after(a, b)
  local am, an = string.match(a, '^(%d+)-(%d+)$')
  local bm, bn = string.match(b, '^(%d+)-(%d+)$')
  am, an, bm, bn = tonumber(am), tonumber(an), tonumber(bm), tonumber(bn)
  return am > bm or (am == bm and an > bn)
end

local cursor = redis.call('GET', H .. HK.cursor) or '0-0'
local rate, applied = {}, 0
local i = 2
while i <= #ARGV do
  local entry, prefix, text = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  i = i + 3
  if not after(entry, cursor) then
    text = ''
  else
    cursor = entry
    applied = applied + 1
  end
  local ms = string.match(entry, '^(%d+)')
  local words = split(text)
  for k = 1, #words - 2, 3 do
    local st, id, detail = words[k], words[k + 1], words[k + 2]
    if st == EV.created then
      create(prefix, id, detail, ms)
    else
      local row = load(prefix, id)
      if row and #row < ROW_FIELDS + MAX_TIMELINE then
        row[#row + 1] = st .. ':' .. ms .. ':' .. (string.gsub(detail, ',', ':'))
      end
      if row and st ~= EV.retried then
        row[5] = st
        if st == ST.running then
          -- why: a task is reported running only once it has run a while; its detail says since when
          local node, started = string.match(detail, '^([^,]+),(%d+)$')
          row[6], row[8] = node or detail, started or ms
        elseif st == ST.finished or st == ST.failed or st == ST.cancelled or st == ST.dead then
          row[9] = ms
          local node, started = string.match(detail, '^([^,]+),(%d+)$')
          if node then
            row[6] = node
            if row[8] == '-' then
              row[8] = started
            end
          end
          if st == ST.finished or st == ST.failed then
            local field = math.floor(tonumber(ms) / 10000) .. st
            rate[field] = (rate[field] or 0) + 1
          end
        end
      end
    end
  end
end

local function store(row)
  if row[5] ~= row.st0 then
    if row.st0 ~= '-' then
      mark(HK.byState .. row.st0, row.slot, false)
    end
    mark(HK.byState .. row[5], row.slot, true)
  end
  if row[6] ~= row.node0 then
    if row.node0 ~= '-' then
      mark(HK.byNode .. row.node0, row.slot, false)
    end
    mark(HK.byNode .. row[6], row.slot, true)
  end
  local key, field = rowKey(row.slot)
  redis.call('HSET', key, field, table.concat(row, ' '))
end

for _, row in ipairs(order) do
  -- why: a task created later in this batch may have cleared the block of a row loaded before
  if slotOf(tonumber(row[1])) then
    store(row)
  end
end
local names = {}
for map in pairs(maps) do
  names[#names + 1] = map
end
if #names > 0 then
  redis.call('SADD', H .. HK.maps, unpack(names))
end
local newest = nil
for field, count in pairs(rate) do
  redis.call('HINCRBY', H .. HK.rate, field, count)
  newest = math.max(newest or 0, tonumber(string.sub(field, 1, -2)))
end
if newest then
  redis.call('HDEL', H .. HK.rate, (newest - 360) .. ST.finished, (newest - 360) .. ST.failed)
end
redis.call('SET', H .. HK.cursor, cursor)
return applied
