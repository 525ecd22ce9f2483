-- wrk script of the request-overhead benchmark: GET /items/<id> spread evenly over the tenants' hosts
-- (t0.localhost ... t<n-1>.localhost), each wrk thread starting at a different tenant.
-- Arguments: number of tenants, number of items per tenant.

local threads = {}

function setup(thread)
  thread:set("first", #threads * 37)
  table.insert(threads, thread)
end

function init(args)
  tenants = tonumber(args[1])
  items = tonumber(args[2])
  counter = first or 0
end

function request()
  counter = counter + 1
  local host = "t" .. (counter % tenants) .. ".localhost"
  local id = (counter * 7) % items + 1
  return wrk.format("GET", "/items/" .. id, { Host = host })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK-RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
