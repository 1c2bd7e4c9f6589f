package com.grow.payments.infra.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.grow.payments.infra.toss.SecretHashes;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Idempotency records in Redis hashes, one per caller and key. Claim, complete and release are
 * Lua scripts, so each is one atomic step even with many instances on one Redis.
 */
@Component
public class RedisIdempotencyStore implements IdempotencyStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            if redis.call('exists', KEYS[1]) == 0 then
              redis.call('hset', KEYS[1], 'state', 'IN_PROGRESS', 'fingerprint', ARGV[1], 'owner', ARGV[2])
              redis.call('pexpire', KEYS[1], ARGV[3])
              return {'ACQUIRED'}
            end
            return redis.call('hmget', KEYS[1], 'state', 'fingerprint', 'status', 'headers', 'body')
            """, List.class);

    private static final RedisScript<Long> COMPLETE = RedisScript.of("""
            if redis.call('hget', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
            redis.call('hset', KEYS[1], 'state', 'DONE', 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4])
            redis.call('pexpire', KEYS[1], ARGV[5])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('hget', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
            return redis.call('del', KEYS[1])
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json = new ObjectMapper();

    public RedisIdempotencyStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, Duration lockTtl) {
        String owner = UUID.randomUUID().toString();
        List<?> found = redis.execute(CLAIM, List.of(redisKey(scope, key)), fingerprint, owner,
                Long.toString(lockTtl.toMillis()));
        if (found == null || found.isEmpty() || "ACQUIRED".equals(found.get(0))) {
            return new Claim.Acquired(owner);
        }
        if (!fingerprint.equals(found.get(1))) {
            return new Claim.Reused();
        }
        if (!"DONE".equals(found.get(0))) {
            return new Claim.InProgress();
        }
        return new Claim.Replay(new StoredResponse(Integer.parseInt((String) found.get(2)),
                headers((String) found.get(3)), Base64.getDecoder().decode((String) found.get(4))));
    }

    @Override
    public void complete(String scope, String key, String owner, StoredResponse response, Duration retention) {
        redis.execute(COMPLETE, List.of(redisKey(scope, key)), owner, Integer.toString(response.status()),
                write(response.headers()), Base64.getEncoder().encodeToString(response.body()),
                Long.toString(retention.toMillis()));
    }

    @Override
    public void release(String scope, String key, String owner) {
        redis.execute(RELEASE, List.of(redisKey(scope, key)), owner);
    }

    /** Hashed, so neither the member id nor the caller's key appears in Redis in clear. */
    private static String redisKey(String scope, String key) {
        return "grow-payments:idempotency:" + SecretHashes.of(scope + '\n' + key);
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String stored) {
        try {
            return json.readValue(stored, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
