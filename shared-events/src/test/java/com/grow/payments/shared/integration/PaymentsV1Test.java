package com.grow.payments.shared.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published language as a contract: what every record carries and what none may carry. */
class PaymentsV1Test {

    /** Names of secrets, and of keys that would let someone charge or impersonate the member. */
    private static final Set<String> FORBIDDEN = Set.of("billingkey", "customerkey", "cardnumber", "authkey");

    static Stream<Class<?>> dataClasses() {
        return Arrays.stream(PaymentsV1.Data.class.getPermittedSubclasses());
    }

    @Test
    void theLanguageHasItsFourteenEvents() {
        assertThat(dataClasses().map(Class::getSimpleName)).containsExactlyInAnyOrder("PaymentApproved",
                "PaymentCanceled", "PaymentFailed", "VirtualAccountIssued", "VirtualAccountDeposited",
                "VirtualAccountDepositReversed", "VirtualAccountExpired", "SubscriptionCharged",
                "SubscriptionChargeFailed", "SubscriptionSuspended", "BillingKeyDeleted",
                "SubscriptionPaymentMethodChanged", "CashReceiptIssued", "CashReceiptCanceled");
    }

    @ParameterizedTest
    @MethodSource("dataClasses")
    void noRecordCarriesASecretOrAKey(Class<?> type) {
        assertThat(type.isRecord()).isTrue();
        assertThat(Arrays.stream(type.getRecordComponents()).map(c -> c.getName().toLowerCase(Locale.ROOT)))
                .isNotEmpty()
                .noneMatch(FORBIDDEN::contains)
                .noneMatch(name -> name.contains("secret"));
    }

    @ParameterizedTest
    @MethodSource("dataClasses")
    void typeIsThePrefixAndTheNameAndSubjectIsWhatItIsAbout(Class<?> type) throws Exception {
        PaymentsV1.Data data = instanceNamingItsFields(type);
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(data.type()).isEqualTo("grow.payments." + type.getSimpleName())
                .isEqualTo(PaymentsV1.TYPE_PREFIX + type.getSimpleName());
        String about = names.contains("orderId") && !names.contains("subscriptionId") ? "orderId"
                : names.contains("subscriptionId") ? "subscriptionId" : "billingKeyId";
        assertThat(names).as("%s is about its first field", type.getSimpleName()).first().isEqualTo(about);
        assertThat(data.subject()).isEqualTo("value of " + about);
    }

    /** An instance whose every String field holds "value of" its name; other fields their defaults. */
    private static PaymentsV1.Data instanceNamingItsFields(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = types[i];
            values[i] = t == String.class ? "value of " + components[i].getName()
                    : t == long.class ? 0L : t == int.class ? 0 : t == boolean.class ? false : null;
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return (PaymentsV1.Data) canonical.newInstance(values);
    }
}
