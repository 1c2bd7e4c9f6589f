package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class RememberingCommandTargetResolverTest {

    record OnRecordComponent(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class OnField {
        @TargetAggregateIdentifier
        private final Object id;
        @TargetAggregateVersion
        private final String version;

        OnField(Object id, String version) {
            this.id = id;
            this.version = version;
        }
    }

    static class OnMethod {
        @TargetAggregateIdentifier
        String target() {
            return "from-method";
        }
    }

    /** Axon looks at superclasses too. */
    static final class Inherited extends OnMethod {
        @TargetAggregateVersion
        int version = 7;
    }

    static final class Unannotated {
        final String id = "nobody-points-at-me";
    }

    private final RememberingCommandTargetResolver resolver = new RememberingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void resolves_what_axons_resolver_resolves() {
        List<Object> commands = List.of(
                new OnRecordComponent("order-1", 3L),
                new OnRecordComponent("order-2", null),
                new OnField(new OrderId("order_0003"), "12"),
                new OnField(42, null),
                new OnMethod(),
                new Inherited(),
                new PaymentCommands.RecordPaymentExpiry(new OrderId("order_0004"), null, null));

        for (Object command : commands) {
            VersionedAggregateIdentifier ours = resolver.resolveTarget(message(command));
            VersionedAggregateIdentifier axons = axon.resolveTarget(message(command));
            assertThat(ours.getIdentifierValue()).as("%s", command).isEqualTo(axons.getIdentifierValue());
            assertThat(ours.getVersion()).as("%s", command).isEqualTo(axons.getVersion());
        }
        assertThat(resolver.resolveTarget(message(new Inherited())).getVersion()).isEqualTo(7L);
    }

    @Test
    void the_same_class_resolves_each_command_by_its_own_values() {
        assertThat(resolver.resolveTarget(message(new OnRecordComponent("a", 1L))).getIdentifier()).isEqualTo("a");
        assertThat(resolver.resolveTarget(message(new OnRecordComponent("b", 2L))).getIdentifier()).isEqualTo("b");
        assertThat(resolver.resolveTarget(message(new OnRecordComponent("b", 2L))).getVersion()).isEqualTo(2L);
    }

    @Test
    void refuses_what_axons_resolver_refuses_with_the_same_message() {
        for (Object command : List.of(new OnRecordComponent(null, 1L), new Unannotated(), new OnField("x", "v1"))) {
            Throwable axons = catchThrowable(() -> axon.resolveTarget(message(command)));
            assertThat(axons).as("%s", command).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> resolver.resolveTarget(message(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(axons.getMessage());
        }
    }

    private static Throwable catchThrowable(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static CommandMessage<?> message(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }
}
