-- Shared by every Goban wrk script: counts the responses outside 2xx in each
-- thread and, when the run ends, prints the run's figures as one JSON line
-- that bench/run.py reads. Latencies are in microseconds, as wrk measures them.

local threads = {}

-- A script may define thread_setup(thread, number) to hand data to a thread;
-- number counts the threads from 1.
function setup(thread)
    table.insert(threads, thread)
    if thread_setup then
        thread_setup(thread, #threads)
    end
end

non_2xx = 0
first_non_2xx = 0

function response(status, headers, body)
    if status < 200 or status > 299 then
        non_2xx = non_2xx + 1
        if first_non_2xx == 0 then
            first_non_2xx = status
        end
    end
end

function done(summary, latency, requests)
    local non_2xx_total, first_status = 0, 0
    for _, thread in ipairs(threads) do
        non_2xx_total = non_2xx_total + thread:get("non_2xx")
        if first_status == 0 then
            first_status = thread:get("first_non_2xx")
        end
    end
    local errors = summary.errors
    io.write(string.format(
        'GOBAN_BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, '
            .. '"non_2xx": %d, "first_non_2xx_status": %d, '
            .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, '
            .. '"latency_us": {"min": %d, "mean": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d}}\n',
        summary.requests, summary.duration, summary.bytes,
        non_2xx_total, first_status,
        errors.connect, errors.read, errors.write, errors.timeout,
        latency.min, latency.mean, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
