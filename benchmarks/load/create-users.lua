-- POST /api/v1/users with a new user on every request.
-- wrk ... -s create-users.lua -- RUN_ID TOKEN [PASSWORD]
-- Unique names come from the run id, the wrk thread and a counter of that thread, so no request can hit a
-- conflict. Without PASSWORD the run measures the directory alone; with it every request also hashes once.
-- Every user is made Viewer on the instance: a new user needs a role or a group unless the instance says otherwise.

local next_thread = 1
local viewer = ',"bindings":[{"roleId":"00000000-0000-0000-0000-0000000000a4"}]'

function setup(thread)
	thread:set("thread_id", next_thread)
	next_thread = next_thread + 1
end

function init(args)
	run_id = args[1]
	password = args[3]
	counter = 0
	wrk.method = "POST"
	wrk.path = "/api/v1/users"
	wrk.headers["Authorization"] = "Bearer " .. args[2]
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	counter = counter + 1
	local name = string.format("b%st%dn%d", run_id, thread_id, counter)
	local body
	if password then
		body = string.format(
			'{"email":"%s@bench.example","username":"%s","firstName":"Bench","lastName":"Loader","password":"%s"%s}',
			name, name, password, viewer)
	else
		body = string.format('{"email":"%s@bench.example","username":"%s","firstName":"Bench","lastName":"Loader"%s}',
			name, name, viewer)
	end
	return wrk.format(nil, nil, nil, body)
end
