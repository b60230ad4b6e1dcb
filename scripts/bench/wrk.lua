-- Load script for `npm run bench`. Two modes, chosen by environment (wrk decides whether the script
-- is static before any thread starts, so the mode cannot come from wrk's own arguments):
--   BENCH_BODY=<file>      one body, sent on every request (wrk's fast static path);
--   BENCH_BODIES=<prefix>  thread n sends the lines of <prefix>.<n> once each, in order. When they run
--                          out it asks for a path the servers answer 404, so an undersized set shows
--                          up as non-2xx answers instead of as silent replays, and is counted.
--                          A line `<address>\t<body>` also sends X-Forwarded-For: <address> (clients
--                          behind the server's trusted proxy).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local static_file = os.getenv("BENCH_BODY")
local prefix = os.getenv("BENCH_BODIES")

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

if static_file then
  wrk.body = slurp(static_file)
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

exhausted = 0

if prefix then
  local reqs, n, i = {}, 0, 0
  local spent = wrk.format("POST", "/bench-bodies-exhausted", nil, "")

  function init(args)
    for line in io.lines(prefix .. "." .. id) do
      if line ~= "" then
        n = n + 1
        local tab = line:find("\t", 1, true)
        if tab then
          -- wrk.format takes these headers instead of wrk.headers, so the content type goes in too.
          local headers = { ["Content-Type"] = wrk.headers["Content-Type"], ["X-Forwarded-For"] = line:sub(1, tab - 1) }
          reqs[n] = wrk.format(nil, "/", headers, line:sub(tab + 1))
        else
          reqs[n] = wrk.format(nil, "/", nil, line)
        end
      end
    end
  end

  function request()
    i = i + 1
    if i <= n then
      local r = reqs[i]
      reqs[i] = nil
      return r
    end
    exhausted = exhausted + 1
    return spent
  end
end

function done(summary, latency, requests)
  local spent = 0
  for _, t in ipairs(threads) do
    spent = spent + (tonumber(t:get("exhausted")) or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.6f,"bytes":%d,"non2xx":%d,"socket_errors":%d,"timeouts":%d,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"exhausted":%d}\n',
    summary.requests, summary.duration / 1e6, summary.bytes, e.status, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, spent))
end
