package com.grow.payments.infra.reads;

import com.grow.payments.infra.toss.SecretHashes;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.reads.AnsweredSequences;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The answered sequences in Redis, so every instance sees what any instance answered (ADR 0012).
 * Per caller, a hash (aggregate id to sequence) and a sorted set (aggregate id to when it was
 * answered), under one hash tag so that a script can touch both on a cluster. An entry is
 * forgotten after {@code payments.monotonic-reads.retention}; beyond
 * {@code payments.monotonic-reads.max-remembered} entries per caller the oldest go first.
 * <p>
 * Redis being away never fails an answer: a remember that cannot be stored is logged, and a read
 * that cannot ask is told {@link AnsweredSequences#ANY_ANSWER}, so it checks the event stream.
 */
@Component
public class RedisAnsweredSequences implements AnsweredSequences {

    private static final Logger log = LoggerFactory.getLogger(RedisAnsweredSequences.class);

    /** KEYS: sequences, times. ARGV: aggregate id, sequence, now (ms), retention (ms), cap. */
    private static final RedisScript<Long> REMEMBER = RedisScript.of("""
            local id, seq, now = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
            local retention, cap = tonumber(ARGV[4]), tonumber(ARGV[5])
            local old = redis.call('hget', KEYS[1], id)
            if not old or tonumber(old) < seq then redis.call('hset', KEYS[1], id, seq) end
            redis.call('zadd', KEYS[2], now, id)
            for _, gone in ipairs(redis.call('zrangebyscore', KEYS[2], '-inf', now - retention)) do
              redis.call('hdel', KEYS[1], gone)
            end
            redis.call('zremrangebyscore', KEYS[2], '-inf', now - retention)
            local over = redis.call('zcard', KEYS[2]) - cap
            if over > 0 then
              for _, gone in ipairs(redis.call('zrange', KEYS[2], 0, over - 1)) do
                redis.call('hdel', KEYS[1], gone)
              end
              redis.call('zremrangebyrank', KEYS[2], 0, over - 1)
            end
            redis.call('pexpire', KEYS[1], retention)
            redis.call('pexpire', KEYS[2], retention)
            return 1
            """, Long.class);

    /** KEYS: sequences, times. ARGV: aggregate id, oldest time still remembered (ms). */
    private static final RedisScript<Long> FLOOR = RedisScript.of("""
            local at = redis.call('zscore', KEYS[2], ARGV[1])
            if not at or tonumber(at) < tonumber(ARGV[2]) then return -1 end
            return tonumber(redis.call('hget', KEYS[1], ARGV[1]) or -1)
            """, Long.class);

    /** KEYS: sequences, times. ARGV: oldest time still remembered (ms). Answers id, sequence, id, sequence... */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FLOORS = RedisScript.of("""
            local found = {}
            for _, id in ipairs(redis.call('zrangebyscore', KEYS[2], ARGV[1], '+inf')) do
              local seq = redis.call('hget', KEYS[1], id)
              if seq then
                found[#found + 1] = id
                found[#found + 1] = seq
              end
            end
            return found
            """, List.class);

    private final StringRedisTemplate redis;
    private final Duration retention;
    private final int maxRemembered;

    public RedisAnsweredSequences(StringRedisTemplate redis,
                                  @Value("${payments.monotonic-reads.retention:10m}") Duration retention,
                                  @Value("${payments.monotonic-reads.max-remembered:1000}") int maxRemembered) {
        if (retention.isNegative() || retention.isZero() || maxRemembered < 1) {
            throw new IllegalArgumentException(
                    "payments.monotonic-reads.retention must be positive and max-remembered at least 1");
        }
        this.redis = redis;
        this.retention = retention;
        this.maxRemembered = maxRemembered;
    }

    @Override
    public void remember(MemberId caller, String aggregateId, long sequence) {
        try {
            redis.execute(REMEMBER, keys(caller), aggregateId, Long.toString(sequence),
                    Long.toString(System.currentTimeMillis()), Long.toString(retention.toMillis()),
                    Integer.toString(maxRemembered));
        } catch (DataAccessException e) {
            log.warn("answered sequence of {} not remembered (Redis unavailable): {}", aggregateId, e.toString());
        }
    }

    @Override
    public OptionalLong floor(MemberId caller, String aggregateId) {
        try {
            Long sequence = redis.execute(FLOOR, keys(caller), aggregateId, Long.toString(oldestRemembered()));
            return sequence == null || sequence < 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
        } catch (DataAccessException e) {
            log.warn("answered sequence of {} unknown (Redis unavailable): {}", aggregateId, e.toString());
            return OptionalLong.of(ANY_ANSWER);
        }
    }

    @Override
    public Map<String, Long> floors(MemberId caller) {
        try {
            List<?> flat = redis.execute(FLOORS, keys(caller), Long.toString(oldestRemembered()));
            Map<String, Long> floors = new HashMap<>();
            for (int i = 0; flat != null && i + 1 < flat.size(); i += 2) {
                floors.put(String.valueOf(flat.get(i)), Long.parseLong(String.valueOf(flat.get(i + 1))));
            }
            return floors;
        } catch (DataAccessException e) {
            log.warn("answered sequences unknown (Redis unavailable): {}", e.toString());
            return Map.of();
        }
    }

    private long oldestRemembered() {
        return System.currentTimeMillis() - retention.toMillis();
    }

    /** Hashed, so the member id is not in Redis in clear; one hash tag, so both keys share a slot. */
    private static List<String> keys(MemberId caller) {
        String prefix = "grow-payments:answered:{" + SecretHashes.of(caller.value()) + "}:";
        return List.of(prefix + "sequences", prefix + "times");
    }
}
