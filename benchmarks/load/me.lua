-- GET /api/v1/me with a personal access token: the token check and the user read every API call pays.
-- wrk ... -s me.lua -- TOKEN

function init(args)
	wrk.path = "/api/v1/me"
	wrk.headers["Authorization"] = "Bearer " .. args[1]
end
