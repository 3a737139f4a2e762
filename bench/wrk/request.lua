-- One request repeated: the method, body and token come from the environment
-- (GOBAN_BENCH_METHOD, GOBAN_BENCH_BODY, GOBAN_BENCH_TOKEN), the URL from
-- wrk's command line.

dofile(os.getenv("GOBAN_BENCH_LUA_DIR") .. "/report.lua")

wrk.method = os.getenv("GOBAN_BENCH_METHOD") or "GET"
wrk.body = os.getenv("GOBAN_BENCH_BODY")
if wrk.body then
    wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("GOBAN_BENCH_TOKEN")
if token then
    wrk.headers["Authorization"] = "Bearer " .. token
end
