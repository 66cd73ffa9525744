package dev.deskassist.core.pipeline.redis;

/**
 * The Lua scripts behind {@link RedisEventStore}: every operation that touches more than one key
 * runs as one script, so it is atomic on the server. ARGV[1] is the key prefix (with its hash tag),
 * ARGV[2] the layout version the caller speaks; every script first checks the stored layout version
 * and refuses with {@code DESKASSIST_LAYOUT <found>} when it differs. KEYS[1] is the layout key, so a
 * cluster routes the script to the prefix's slot (every key carries the same hash tag).
 *
 * <p>Keys: {@code :layout} version; {@code :intake} stream of accepted events (consumer group
 * {@code router}); {@code :dedupe} zset delivery → expiry; {@code :t:…} hash per ticket with
 * pending events (due, attempts, first, and while claimed token, until, n = events in the run);
 * {@code :e:…} list of that ticket's events ({@code TYPE|receivedMillis}, oldest first);
 * {@code :due:<helpdesk>} zset ticket → when it can be claimed (its due time, or its lease end
 * while claimed); {@code :count} events routed and not finished; {@code :dl} zset id → dead-letter
 * time, {@code :dl:<id>} hash; {@code :ledger:…} hash write key → value; {@code :wm} hash
 * helpdesk → watermark. Times are epoch milliseconds from the callers' clocks.
 */
final class RedisScripts {

    private RedisScripts() {
    }

    /**
     * Shared header: the layout check, the key builders (length-prefixed so ids may hold any
     * character), and {@code enqueue}, which queues one event of a ticket and schedules the ticket
     * when nothing of it was pending (true then; false when it already had a schedule).
     */
    private static final String HEAD = """
            #!lua
            local p = ARGV[1]
            local found = redis.call('GET', KEYS[1])
            if found ~= ARGV[2] then
              return redis.error_reply('DESKASSIST_LAYOUT ' .. (found or 'missing'))
            end
            local function tk(h, t) return p .. ':t:' .. #h .. ':' .. h .. ':' .. t end
            local function ek(h, t) return p .. ':e:' .. #h .. ':' .. h .. ':' .. t end
            local function lk(h, t) return p .. ':ledger:' .. #h .. ':' .. h .. ':' .. t end
            local function duek(h) return p .. ':due:' .. h end
            local function enqueue(h, t, y, at)
              redis.call('RPUSH', ek(h, t), y .. '|' .. at)
              redis.call('INCR', p .. ':count')
              redis.call('SADD', p .. ':helpdesks', h)
              if redis.call('EXISTS', tk(h, t)) == 1 then return false end
              redis.call('HSET', tk(h, t), 'due', at, 'attempts', 0, 'first', at)
              redis.call('ZADD', duek(h), at, t)
              return true
            end
            """;

    /** ARGV: p, v, helpdesk, ticket, type, received, delivery ('' = none), expires. 1 stored, 0 duplicate. */
    static final String APPEND = HEAD + """
            if ARGV[7] ~= '' then
              local m = ARGV[3] .. '\\n' .. ARGV[7]
              local e = redis.call('ZSCORE', p .. ':dedupe', m)
              if e and tonumber(e) > tonumber(ARGV[6]) then return 0 end
              redis.call('ZADD', p .. ':dedupe', ARGV[8], m)
            end
            redis.call('XADD', p .. ':intake', '*', 'h', ARGV[3], 't', ARGV[4], 'y', ARGV[5], 'r', ARGV[6])
            return 1
            """;

    /**
     * Moves intake entries this caller read from the consumer group into the per-ticket structures.
     * XACK decides who routes an entry (one that another replica took over acks 0 here), so each
     * entry is routed once. An entry that cannot be read becomes a corrupt dead letter, never a
     * crash loop. ARGV: p, v, group, now, ids… Returns {routed, poisoned}.
     */
    static final String ROUTE = HEAD + """
            local routed, poisoned = 0, 0
            local intake = p .. ':intake'
            for i = 5, #ARGV do
              local id = ARGV[i]
              if redis.call('XACK', intake, ARGV[3], id) == 1 then
                local r = redis.call('XRANGE', intake, id, id)
                if #r == 1 then
                  local f = {}
                  local kv = r[1][2]
                  for j = 1, #kv - 1, 2 do f[kv[j]] = kv[j + 1] end
                  local h, t, y, rc = f['h'], f['t'], f['y'], f['r']
                  if h and t and y and rc and h ~= '' and t ~= '' and string.match(y, '^[A-Z_]+$')
                      and string.match(rc, '^%d+$') then
                    enqueue(h, t, y, rc)
                    routed = routed + 1
                  else
                    local n = redis.call('INCR', p .. ':dl:seq')
                    local fields = {'corruption', 'unreadable intake entry ' .. id, 'at', ARGV[4]}
                    if h and #h <= 64 then fields[#fields + 1] = 'h'; fields[#fields + 1] = h end
                    if t and #t <= 128 then fields[#fields + 1] = 't'; fields[#fields + 1] = t end
                    redis.call('HSET', p .. ':dl:' .. n, unpack(fields))
                    redis.call('ZADD', p .. ':dl', ARGV[4], n)
                    poisoned = poisoned + 1
                  end
                end
                redis.call('XDEL', intake, id)
              end
            end
            return {routed, poisoned}
            """;

    /**
     * Claims the ticket claimable soonest among the helpdesks. ARGV: p, v, now, leaseMillis, token,
     * helpdesks… Returns {} or {helpdesk, ticket, attempts, first, until, {types…}}.
     */
    static final String CLAIM = HEAD + """
            local now = tonumber(ARGV[3])
            for guard = 1, 100 do
              local bh, bt, bs = nil, nil, nil
              for i = 6, #ARGV do
                local r = redis.call('ZRANGEBYSCORE', duek(ARGV[i]), '-inf', ARGV[3], 'WITHSCORES', 'LIMIT', 0, 1)
                if #r == 2 and (bs == nil or tonumber(r[2]) < bs) then bh, bt, bs = ARGV[i], r[1], tonumber(r[2]) end
              end
              if not bh then return {} end
              local tkk, ekk = tk(bh, bt), ek(bh, bt)
              local n = redis.call('LLEN', ekk)
              if n == 0 or redis.call('EXISTS', tkk) == 0 then
                -- a schedule without events (nothing should leave one): drop it and look again
                redis.call('DEL', tkk, ekk)
                redis.call('ZREM', duek(bh), bt)
              else
                local untl = now + tonumber(ARGV[4])
                redis.call('HSET', tkk, 'token', ARGV[5], 'until', untl, 'last', now, 'n', n)
                redis.call('ZADD', duek(bh), untl, bt)
                local ev = redis.call('LRANGE', ekk, 0, n - 1)
                local types = {}
                for j = 1, #ev do types[j] = string.match(ev[j], '^([^|]*)') end
                local a = redis.call('HMGET', tkk, 'attempts', 'first')
                return {bh, bt, a[1], a[2], tostring(untl), types}
              end
            end
            return {}
            """;

    /** ARGV: p, v, helpdesk, ticket, token, now, leaseMillis. 1 renewed, 0 lost. */
    static final String RENEW = HEAD + """
            local tkk = tk(ARGV[3], ARGV[4])
            if redis.call('HGET', tkk, 'token') ~= ARGV[5] then return 0 end
            local untl = tonumber(ARGV[6]) + tonumber(ARGV[7])
            redis.call('HSET', tkk, 'until', untl)
            redis.call('ZADD', duek(ARGV[3]), untl, ARGV[4])
            return 1
            """;

    /**
     * Ends a run, re-checking its lease token in the same step. ARGV: p, v, op
     * (complete|reschedule|release|dead), helpdesk, ticket, token, now, due, countAttempt (1/0),
     * attempts, reasonKind, reasonMessage, fallbackType. Returns {0} when the claim was lost, {1}, or
     * for dead: {1, id, type, events, first}.
     */
    static final String FINISH = HEAD + """
            local h, t = ARGV[4], ARGV[5]
            local tkk, ekk = tk(h, t), ek(h, t)
            if redis.call('HGET', tkk, 'token') ~= ARGV[6] then return {0} end
            local now = tonumber(ARGV[7])
            local n = tonumber(redis.call('HGET', tkk, 'n') or '0')
            local op = ARGV[3]
            local function afterRun()
              redis.call('LTRIM', ekk, n, -1)
              redis.call('DECRBY', p .. ':count', n)
              local rest = redis.call('LRANGE', ekk, 0, -1)
              if #rest == 0 then
                redis.call('DEL', tkk, ekk)
                redis.call('ZREM', duek(h), t)
              else
                local oldest = nil
                for j = 1, #rest do
                  local r = tonumber(string.match(rest[j], '|(%d+)$'))
                  if r and (oldest == nil or r < oldest) then oldest = r end
                end
                redis.call('HDEL', tkk, 'token', 'until', 'n')
                redis.call('HSET', tkk, 'due', ARGV[7], 'attempts', 0, 'first', oldest or now)
                redis.call('ZADD', duek(h), ARGV[7], t)
              end
            end
            if op == 'complete' then
              afterRun()
              return {1}
            elseif op == 'reschedule' then
              redis.call('HDEL', tkk, 'token', 'until', 'n')
              redis.call('HSET', tkk, 'due', ARGV[8])
              if ARGV[9] == '1' then redis.call('HINCRBY', tkk, 'attempts', 1) end
              redis.call('ZADD', duek(h), ARGV[8], t)
              return {1}
            elseif op == 'release' then
              redis.call('HDEL', tkk, 'token', 'until', 'n')
              redis.call('ZADD', duek(h), redis.call('HGET', tkk, 'due'), t)
              return {1}
            end
            local ev = redis.call('LRANGE', ekk, 0, n - 1)
            local typ, first = nil, now
            for j = 1, #ev do
              local y, r = string.match(ev[j], '^([^|]*)|(%d+)$')
              if typ == nil then typ = y end
              if r and tonumber(r) < first then first = tonumber(r) end
            end
            if typ == nil then typ = ARGV[13] end
            local events = math.max(1, #ev)
            local id = redis.call('INCR', p .. ':dl:seq')
            redis.call('HSET', p .. ':dl:' .. id, 'h', h, 't', t, 'y', typ, 'n', events, 'k', ARGV[11], 'm', ARGV[12],
                'a', ARGV[10], 'f', tostring(first), 'l', ARGV[7], 'at', ARGV[7])
            redis.call('ZADD', p .. ':dl', ARGV[7], id)
            afterRun()
            return {1, id, typ, events, tostring(first)}
            """;

    /** ARGV: p, v, helpdesk, ticket, token ('' = unfenced). Returns {0} when the lease is lost, else {1, k, v, …}. */
    static final String LEDGER_READ = HEAD + """
            if ARGV[5] ~= '' and redis.call('HGET', tk(ARGV[3], ARGV[4]), 'token') ~= ARGV[5] then return {0} end
            local out = {1}
            local all = redis.call('HGETALL', lk(ARGV[3], ARGV[4]))
            for i = 1, #all do out[#out + 1] = all[i] end
            return out
            """;

    /** ARGV: p, v, helpdesk, ticket, token ('' = unfenced), key, value, … 1 recorded, 0 lease lost. */
    static final String LEDGER_WRITE = HEAD + """
            if ARGV[5] ~= '' and redis.call('HGET', tk(ARGV[3], ARGV[4]), 'token') ~= ARGV[5] then return 0 end
            local kv = {}
            for i = 6, #ARGV do kv[#kv + 1] = ARGV[i] end
            if #kv > 0 then redis.call('HSET', lk(ARGV[3], ARGV[4]), unpack(kv)) end
            return 1
            """;

    /** ARGV: p, v, id, now. 1 moved back to pending, 0 gone or corrupt. */
    static final String REPLAY = HEAD + """
            local dlk = p .. ':dl:' .. ARGV[3]
            local d = redis.call('HMGET', dlk, 'h', 't', 'y', 'corruption')
            if not d[1] or not d[2] or not d[3] or d[4] then return 0 end
            local h, t, now = d[1], d[2], ARGV[4]
            if not enqueue(h, t, d[3], now) then
              -- a ticket already waiting is brought forward; a claimed one keeps its lease as schedule
              local tkk = tk(h, t)
              local cur = redis.call('HMGET', tkk, 'due', 'token')
              if tonumber(cur[1]) > tonumber(now) then
                redis.call('HSET', tkk, 'due', now)
                if not cur[2] then redis.call('ZADD', duek(h), now, t) end
              end
            end
            redis.call('DEL', dlk)
            redis.call('ZREM', p .. ':dl', ARGV[3])
            return 1
            """;

    /** ARGV: p, v, olderThan. Deletes dead letters given up before it; returns how many. */
    static final String PURGE_DEAD = HEAD + """
            local ids = redis.call('ZRANGEBYSCORE', p .. ':dl', '-inf', '(' .. ARGV[3])
            for i = 1, #ids do
              redis.call('DEL', p .. ':dl:' .. ids[i])
              redis.call('ZREM', p .. ':dl', ids[i])
            end
            return #ids
            """;

    /**
     * A token bucket per helpdesk account on the server's clock (so replicas' clocks need not
     * agree): {@code capacity} permits at most at once, refilled at {@code permits} per
     * {@code periodMillis}. ARGV: p, v, account, capacity, permits, periodMillis. Returns 0 when a
     * permit was taken, else the milliseconds until one will be there.
     */
    static final String RATE = HEAD + """
            local key = p .. ':rate:' .. ARGV[3]
            local tm = redis.call('TIME')
            local now = tonumber(tm[1]) * 1000 + math.floor(tonumber(tm[2]) / 1000)
            local cap, permits, period = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
            local b = redis.call('HMGET', key, 'tokens', 'ts')
            local tokens = tonumber(b[1]) or cap
            local ts = tonumber(b[2]) or now
            if now > ts then tokens = math.min(cap, tokens + (now - ts) * permits / period) end
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * period / permits) end
            redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', math.max(now, ts))
            redis.call('PEXPIRE', key, math.ceil(period * 2))
            return wait
            """;
}
