-- Reads one page of the history index (see index.lua), newest task first: the tasks in every one
-- of the given bitmaps (none: all tasks). KEYS[1] is the namespace.
-- ARGV: cap, offset, limit, then bitmap names such as "s:F", "f:<function>", "n:<node>".
-- Returns {matching tasks, row...}. Several bitmaps are intersected into "<ns>:h:and", deleted after.
local H = KEYS[1] .. ':h:'
local cap, offset, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local BLOCK_BYTES = 512
local seq = tonumber(redis.call('GET', H .. HK.seq) or '0')
if seq == 0 then
  return {0}
end
local source
if #ARGV == 3 then
  source = H .. HK.all
elseif #ARGV == 4 then
  source = H .. ARGV[4]
else
  source = H .. HK.and
  local keys = {}
  for k = 4, #ARGV do
    keys[#keys + 1] = H .. ARGV[k]
  end
  redis.call('BITOP', 'AND', source, unpack(keys))
end
local total = redis.call('BITCOUNT', source)
local found, skip = {}, offset

-- Collects, newest first, the set bits of slots first..last (within one block of 4096 slots).
local function scan(first, last)
  local bytes = redis.call('GETRANGE', source, math.floor(first / 8), math.floor(last / 8))
  local base = math.floor(first / 8) * 8
  for b = #bytes, 1, -1 do
    local byte = string.byte(bytes, b)
    if byte ~= 0 then
      for bit7 = 7, 0, -1 do
        local slot = base + (b - 1) * 8 + bit7
        if slot >= first and slot <= last and bit.band(byte, bit.rshift(128, bit7)) ~= 0 then
          if skip > 0 then
            skip = skip - 1
          else
            found[#found + 1] = slot
            if #found >= limit then
              return true
            end
          end
        end
      end
    end
  end
  return false
end

-- Visits slots last down to first, a block at a time, skipping whole blocks by their count.
local function walk(first, last)
  local hi = last
  while hi >= first do
    local lo = math.max(first, hi - (hi % (BLOCK_BYTES * 8)))
    local whole = lo % 8 == 0 and (hi + 1) % 8 == 0
    local n = whole and redis.call('BITCOUNT', source, lo / 8, (hi + 1) / 8 - 1) or nil
    if n and n <= skip then
      skip = skip - n
    elseif (not n or n > 0) and scan(lo, hi) then
      return true
    end
    hi = lo - 1
  end
  return false
end

if total > offset then
  local head = seq % cap
  if not walk(0, head) and seq >= cap then
    walk(head + 1, cap - 1)
  end
end
if source == H .. HK.and then
  redis.call('DEL', source)
end
local out = {total}
for _, slot in ipairs(found) do
  out[#out + 1] = redis.call('HGET', H .. HK.rows .. math.floor(slot / 128), tostring(slot % 128)) or ''
end
return out
