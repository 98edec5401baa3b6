-- SPDX-License-Identifier: Apache-2.0
-- wrk script for bench/run: the same requests against influence-server and the baselines.
--
-- Environment:
--   BENCH_PATH     request path; "{id}" is replaced by a random line of BENCH_IDS (default: the
--                  URL's path)
--   BENCH_TOKENS   a file with one access token per line: each request carries a random one as
--                  "Authorization: Bearer …" (optional)
--   BENCH_IDS      a file with one id per line for "{id}" (optional)
--   BENCH_RESULT   where done() writes its JSON summary (default: stdout, prefixed "BENCH_JSON ")
--
-- Requests are formatted once per thread in init() and drawn at random afterwards, so the Lua
-- work per request is a table lookup: the load generator stays cheap on a 2-core machine.

local function read_lines(name)
  local lines = {}
  if name == nil or name == "" then
    return lines
  end
  local file = assert(io.open(name, "r"))
  for line in file:lines() do
    if line ~= "" then
      lines[#lines + 1] = line
    end
  end
  file:close()
  return lines
end

local requests = {}
local thread_index = 0

function setup(thread)
  thread_index = thread_index + 1
  thread:set("bench_thread", thread_index)
end

function init(args)
  math.randomseed(os.time() * 7919 + (bench_thread or 0))
  local path = os.getenv("BENCH_PATH")
  if path == nil or path == "" then
    path = wrk.path
  end
  local tokens = read_lines(os.getenv("BENCH_TOKENS"))
  local ids = read_lines(os.getenv("BENCH_IDS"))
  if #tokens == 0 then
    tokens = { false }
  end
  if #ids == 0 then
    ids = { false }
  end
  -- Every token and every id at least once, or 4096 random ids of a longer list: huge id lists
  -- stay cheap to prepare.
  local count = math.min(math.max(#tokens, #ids), 4096)
  for i = 1, count do
    local token = tokens[(i - 1) % #tokens + 1]
    local id = ids[(i - 1) % #ids + 1]
    if #ids > count then
      id = ids[math.random(#ids)]
    end
    local headers = {}
    if token then
      headers["Authorization"] = "Bearer " .. token
    end
    local target = path
    if id then
      -- (a "%" in the replacement would be a capture reference to gsub: escaped)
      target = string.gsub(path, "{id}", (string.gsub(id, "%%", "%%%%")))
    end
    requests[i] = wrk.format("GET", target, headers)
  end
end

function request()
  return requests[math.random(#requests)]
end

function done(summary, latency, _)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local json = string.format(
    '{"requests":%d,"durationSeconds":%.6f,"requestsPerSecond":%.2f,"bytes":%d,'
      .. '"latencyUs":{"mean":%.1f,"stdev":%.1f,"min":%d,"max":%d,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"p999":%d},'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d}}',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency.mean, latency.stdev, latency.min, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency:percentile(99.9),
    e.connect, e.read, e.write, e.timeout, e.status)
  local target = os.getenv("BENCH_RESULT")
  if target ~= nil and target ~= "" then
    local file = assert(io.open(target, "w"))
    file:write(json, "\n")
    file:close()
  else
    io.write("BENCH_JSON ", json, "\n")
  end
end
