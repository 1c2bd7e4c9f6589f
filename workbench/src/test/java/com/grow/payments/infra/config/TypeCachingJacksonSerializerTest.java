package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class TypeCachingJacksonSerializerTest {

    record Paid(String orderId, long amount) {
    }

    /** Counts the class look-ups by name that Axon's serializer makes through the mapper. */
    static final class CountingTypeFactory extends TypeFactory {
        final AtomicInteger lookups = new AtomicInteger();

        CountingTypeFactory() {
            super(new com.fasterxml.jackson.databind.util.LRUMap<>(16, 200));
        }

        @Override
        public Class<?> findClass(String className) throws ClassNotFoundException {
            lookups.incrementAndGet();
            return super.findClass(className);
        }
    }

    private final CountingTypeFactory types = new CountingTypeFactory();
    private final ObjectMapper mapper = new ObjectMapper().setTypeFactory(types);
    private final TypeCachingJacksonSerializer serializer =
            TypeCachingJacksonSerializer.create(mapper, new AnnotationRevisionResolver(), getClass().getClassLoader());

    @Test
    void looksEachTypeNameUpOnce() {
        SerializedObject<byte[]> paid = serializer.serialize(new Paid("order-1", 15_000), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("traceId", "t-1"), byte[].class);
        for (int i = 0; i < 5; i++) {
            assertThat(serializer.<byte[], Paid>deserialize(paid)).isEqualTo(new Paid("order-1", 15_000));
            assertThat(serializer.<byte[], MetaData>deserialize(metaData)).isEqualTo(MetaData.with("traceId", "t-1"));
        }
        assertThat(types.lookups).hasValue(2);
    }

    @Test
    void writesAndReadsWhatAxonsOwnSerializerDoes() {
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(new ObjectMapper())
                .revisionResolver(new AnnotationRevisionResolver()).build();
        SerializedObject<byte[]> ours = serializer.serialize(new Paid("order-2", 700), byte[].class);
        SerializedObject<byte[]> theirs = axons.serialize(new Paid("order-2", 700), byte[].class);
        assertThat(ours.getData()).isEqualTo(theirs.getData());
        assertThat(ours.getType()).isEqualTo(theirs.getType());
        assertThat(serializer.<byte[], Paid>deserialize(theirs)).isEqualTo(axons.deserialize(ours));
    }

    @Test
    void aNameNoClassAnswersToStaysUnknown() {
        SimpleSerializedType gone = new SimpleSerializedType("com.grow.payments.NoSuchEvent", null);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(new SimpleSerializedType(Paid.class.getName(), null))).isEqualTo(Paid.class);
        assertThat(serializer.classForType(new SimpleSerializedType(Paid.class.getName(), "2"))).isEqualTo(Paid.class);
        assertThat(types.lookups).hasValue(2);
    }
}
