-- A form POST with client_secret_basic, for the token and introspection endpoints of any OpenID Provider.
-- wrk ... -s oidc.lua URL -- PATH BASIC BODY EXPECT   (BASIC: base64 of client_id:client_secret)
-- EXPECT is a Lua pattern every answer's body must hold (an access token, "active":true): a 200 that says
-- "active":false would otherwise count as a success. Prints p50/p90/p99 and the answers that did not match.

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	wrk.method = "POST"
	wrk.path = args[1]
	wrk.headers["Authorization"] = "Basic " .. args[2]
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
	wrk.body = args[3]
	expect = args[4]
	bad = 0
	sample = nil
end

function response(status, headers, body)
	if status ~= 200 or not string.find(body, expect) then
		bad = bad + 1
		if sample == nil then sample = status .. " " .. string.sub(body, 1, 200) end
	end
end

function done(summary, latency, requests)
	local total_bad = 0
	local first = nil
	for _, thread in ipairs(threads) do
		total_bad = total_bad + thread:get("bad")
		first = first or thread:get("sample")
	end
	io.write(string.format("p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
	io.write(string.format("unexpected_answers=%d\n", total_bad))
	if first then io.write("first_unexpected=" .. first .. "\n") end
end
