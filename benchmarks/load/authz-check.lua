-- POST /api/v1/authz/check: a platform asking whether a user may do something on a resource.
-- wrk ... -s authz-check.lua -- TOKEN USER_ID RESOURCE_ID

function init(args)
	wrk.method = "POST"
	wrk.path = "/api/v1/authz/check"
	wrk.headers["Authorization"] = "Bearer " .. args[1]
	wrk.headers["Content-Type"] = "application/json"
	wrk.body = '{"user":"' .. args[2] .. '","permission":"projects:update","resource":"' .. args[3] .. '"}'
end
