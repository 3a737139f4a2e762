-- A stone played and taken back, again and again, so the record never grows.
--
-- Each thread works on its own record (GOBAN_BENCH_RECORDS, comma-separated
-- ids, one per thread) and must have exactly one connection: with two, a play
-- and the following undo could reach the server in either order. The URL on
-- wrk's command line is the API root, e.g. https://127.0.0.1/api.
-- GOBAN_BENCH_PLAY_BODY is the {"x", "y"} of a point that is free and legal
-- on every record; GOBAN_BENCH_TOKEN is the owner's token.

dofile(os.getenv("GOBAN_BENCH_LUA_DIR") .. "/report.lua")

local record_ids = {}
for id in string.gmatch(os.getenv("GOBAN_BENCH_RECORDS"), "%d+") do
    table.insert(record_ids, id)
end

function thread_setup(thread, number)
    if record_ids[number] == nil then
        error("play_undo.lua: more threads than records in GOBAN_BENCH_RECORDS")
    end
    thread:set("record_id", record_ids[number])
end

local headers = {
    ["Authorization"] = "Bearer " .. os.getenv("GOBAN_BENCH_TOKEN"),
    ["Content-Type"] = "application/json",
}
local play_body = os.getenv("GOBAN_BENCH_PLAY_BODY")
local play_next = true

function request()
    local record_path = wrk.path:gsub("/$", "") .. "/records/" .. record_id
    local playing = play_next
    play_next = not play_next
    if playing then
        return wrk.format("POST", record_path .. "/play/", headers, play_body)
    end
    return wrk.format("POST", record_path .. "/undo/", headers, "")
end
