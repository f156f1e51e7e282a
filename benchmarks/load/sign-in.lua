-- POST /api/v1/session with a valid login on every request: each one verifies one Argon2id hash.
-- wrk ... -s sign-in.lua -- LOGIN PASSWORD USERS
-- The logins are LOGIN1 .. LOGINn; each wrk thread takes turns over its own half of them, so that no account has
-- two sign-ins in flight at once: concurrent attempts on one account count against its brute-force allowance
-- until they are decided, which is right for an attacker and wrong for a benchmark.

local next_thread = 0

function setup(thread)
	thread:set("thread_index", next_thread)
	next_thread = next_thread + 1
end

function init(args)
	login = args[1]
	password = args[2]
	local users = tonumber(args[3])
	per_thread = math.floor(users / 2)
	first = thread_index * per_thread + 1
	counter = 0
	wrk.method = "POST"
	wrk.path = "/api/v1/session"
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	local user = first + (counter % per_thread)
	counter = counter + 1
	return wrk.format(nil, nil, nil, string.format('{"login":"%s%d","password":"%s"}', login, user, password))
end
