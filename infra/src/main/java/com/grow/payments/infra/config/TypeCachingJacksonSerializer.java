package com.grow.payments.infra.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, remembering the class each stored type name stands for. Axon looks
 * the class up by name ({@code Class.forName}) for every payload and every metadata it reads, twice
 * per event per processor: nearly a tenth of a replaying processor's CPU (ADR 0011). A name always
 * stands for the same class, so the first answer is kept; a name no class answers to is left to
 * Axon, which remembers it as unknown.
 */
final class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    private TypeCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    /** What Axon's auto-configuration builds for {@code axon.serializer.*: jackson}, with the names kept. */
    static TypeCachingJacksonSerializer create(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                                               ClassLoader classLoader) {
        return new TypeCachingJacksonSerializer(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader))
                .objectMapper(objectMapper));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (!UnknownSerializedType.class.equals(found)) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
