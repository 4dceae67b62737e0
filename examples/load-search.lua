-- wrk load script: POSTs VCMR searches to /v1/search, cycling through a few queries, and counts
-- non-2xx answers. Run against a local server only, bounded in time:
--   wrk -t2 -c8 -d20s --latency -s examples/load-search.lua http://127.0.0.1:8080
local queries = {
  "a person picks up the cup",
  "someone opens the door",
  "a man puts the box on the table",
  "the woman sits on the sofa",
  "a dog walks to the ball",
  "he throws the ball",
  "a person holds the phone",
  "someone pushes the chair",
}
local counter = 0
local bad = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format(nil, "/v1/search", nil, '{"query": "' .. q .. '", "k": 10}')
end

response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors (socket): connect %d read %d write %d timeout %d, non-2xx: %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
