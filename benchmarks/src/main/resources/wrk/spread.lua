-- wrk script of the request-overhead benchmark: GET <page><id> over the tenants' hosts (t0.localhost ...
-- t<n-1>.localhost), each tenant in turn (uniform) or drawn at random with Zipf-distributed popularity (tenant k,
-- from 0, with a probability proportional to 1 / (k + 1)^s); each wrk thread starts at a different tenant and seed.
-- Arguments: number of tenants, number of items per tenant, page ("/items/" or "/page/"), Zipf exponent s (0: uniform).

local threads = {}

function setup(thread)
  thread:set("first", #threads * 37)
  table.insert(threads, thread)
end

function init(args)
  tenants = tonumber(args[1])
  items = tonumber(args[2])
  page = args[3] or "/items/"
  exponent = tonumber(args[4] or "0")
  counter = first or 0
  if exponent > 0 then
    cumulative = {}
    local sum = 0
    for k = 1, tenants do
      sum = sum + 1 / k ^ exponent
      cumulative[k] = sum
    end
    for k = 1, tenants do
      cumulative[k] = cumulative[k] / sum
    end
    math.randomseed(counter + 1)
  end
end

-- The first tenant (from 0) whose cumulative probability reaches a uniform random number.
local function zipf_tenant()
  local u = math.random()
  local low, high = 1, tenants
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < u then
      low = middle + 1
    else
      high = middle
    end
  end
  return low - 1
end

function request()
  counter = counter + 1
  local tenant
  if exponent > 0 then
    tenant = zipf_tenant()
  else
    tenant = counter % tenants
  end
  local id = (counter * 7) % items + 1
  return wrk.format("GET", page .. id, { Host = "t" .. tenant .. ".localhost" })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK-RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
