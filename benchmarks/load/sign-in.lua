-- POST /api/v1/session with the same valid login on every request: each one verifies one Argon2id hash.
-- wrk ... -s sign-in.lua -- LOGIN PASSWORD

function init(args)
	wrk.method = "POST"
	wrk.path = "/api/v1/session"
	wrk.headers["Content-Type"] = "application/json"
	wrk.body = string.format('{"login":"%s","password":"%s"}', args[1], args[2])
end
