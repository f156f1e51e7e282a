-- One load phase of benchmarks/load/vs-keycloak.sh, for either server, every answer checked.
--   wrk ... -s phase.lua -- create gatehouse|keycloak PATH TOKEN RUN_ID   POST a new user (201)
--   wrk ... -s phase.lua -- read PATH TOKEN                               GET with a bearer token (200)
--   wrk ... -s phase.lua -- signin gatehouse PATH LOGIN PASSWORD USERS    POST /api/v1/session (200)
--   wrk ... -s phase.lua -- signin keycloak PATH LOGIN PASSWORD USERS CLIENT_ID
--                                                                         password grant (200 with a token)
-- Created users get names from the run id, the second wrk started, the wrk thread and a counter, so no request meets a conflict. Sign-ins
-- take turns over LOGIN1 .. LOGINn, each wrk thread over its own half, so that no account has two sign-ins in
-- flight at once (concurrent attempts on one account count against its guessing allowance until decided).
-- done() prints the latency percentiles and the count of unexpected answers, which the script refuses.

local next_thread = 0
local threads = {}

function setup(thread)
	thread:set("thread_index", next_thread)
	next_thread = next_thread + 1
	table.insert(threads, thread)
end

local function form_escape(s)
	return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
	mode = args[1]
	bad = 0
	sample = nil
	counter = 0
	if mode == "create" then
		-- the second makes the warm-up's names and the measurement's differ
		product, run_id = args[2], args[5] .. "s" .. os.time()
		wrk.method = "POST"
		wrk.path = args[3]
		wrk.headers["Authorization"] = "Bearer " .. args[4]
		wrk.headers["Content-Type"] = "application/json"
		expect_status = 201
	elseif mode == "read" then
		wrk.path = args[2]
		wrk.headers["Authorization"] = "Bearer " .. args[3]
		expect_status = 200
	elseif mode == "signin" then
		product = args[2]
		wrk.method = "POST"
		wrk.path = args[3]
		login, password = args[4], args[5]
		local users = tonumber(args[6])
		per_thread = math.max(1, math.floor(users / 2))
		first = thread_index * per_thread + 1
		client_id = args[7]
		if product == "keycloak" then
			wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
			expect_body = '"access_token"'
		else
			wrk.headers["Content-Type"] = "application/json"
		end
		expect_status = 200
	else
		error("unknown mode " .. tostring(mode))
	end
end

function request()
	counter = counter + 1
	if mode == "create" then
		local name = string.format("b%st%dn%d", run_id, thread_index, counter)
		local body
		if product == "keycloak" then
			body = string.format(
				'{"username":"%s","email":"%s@bench.example","firstName":"Bench","lastName":"Loader","enabled":true}', name, name)
		else
			-- a new Gatehouse user needs a role or a group: Viewer on the instance
			body = string.format(
				'{"email":"%s@bench.example","username":"%s","firstName":"Bench","lastName":"Loader","bindings":[{"roleId":"00000000-0000-0000-0000-0000000000a4"}]}',
				name, name)
		end
		return wrk.format(nil, nil, nil, body)
	elseif mode == "signin" then
		local user = login .. (first + (counter % per_thread))
		local body
		if product == "keycloak" then
			body = "grant_type=password&client_id=" .. client_id .. "&username=" .. user .. "&password=" .. form_escape(password)
		else
			body = string.format('{"login":"%s","password":"%s"}', user, password)
		end
		return wrk.format(nil, nil, nil, body)
	end
	return wrk.format()
end

function response(status, headers, body)
	if status ~= expect_status or (expect_body and not string.find(body, expect_body, 1, true)) then
		bad = bad + 1
		if sample == nil then sample = status .. " " .. string.sub(body or "", 1, 200) end
	end
end

function done(summary, latency, requests)
	local total_bad = 0
	local first_bad = nil
	for _, thread in ipairs(threads) do
		total_bad = total_bad + thread:get("bad")
		first_bad = first_bad or thread:get("sample")
	end
	io.write(string.format("p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d\n",
		latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
		latency.max / 1000, summary.requests))
	io.write(string.format("unexpected_answers=%d\n", total_bad))
	if first_bad then io.write("first_unexpected=" .. first_bad .. "\n") end
end
