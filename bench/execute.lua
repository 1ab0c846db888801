-- wrk script: POST …/execute, spread over the streams listed in $AGENTRY_BENCH_TARGETS
-- ("stream:agent stream:agent …"), with the key in $AGENTRY_API_KEY.
local targets = {}
for pair in string.gmatch(os.getenv("AGENTRY_BENCH_TARGETS"), "%S+") do
  local stream, agent = pair:match("([^:]+):([^:]+)")
  table.insert(targets, "/api/streams/" .. stream .. "/agents/" .. agent .. "/execute")
end
local counter = 0

wrk.method = "POST"
wrk.body = '{"force_execute": true}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("AGENTRY_API_KEY")

request = function()
  counter = counter + 1
  return wrk.format(nil, targets[(counter % #targets) + 1])
end

-- Anything but 201 is a failure worth seeing: wrk counts only socket errors and non-2xx/3xx.
response = function(status, headers, body)
  if status ~= 201 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end
