package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final Logger logger = (Logger) LoggerFactory.getLogger("logging-context-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    record OrderNoted(String orderId) {
    }

    /** A stored message: its metadata counts how often it is decoded. */
    static final class Stored extends GenericMessage<Object> {
        int metaDataReads;

        Stored(Object payload, Map<String, ?> metaData) {
            super(payload, metaData);
        }

        @Override
        public MetaData getMetaData() {
            metaDataReads++;
            return super.getMetaData();
        }
    }

    @BeforeEach
    void captureLines() {
        LoggingContext.SettleBeforeLogging.install();
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        MDC.clear();
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        MDC.clear();
    }

    @Test
    void a_handler_that_writes_no_line_never_decodes_its_metadata() throws Exception {
        Stored event = stored("order-1", TRACE, "member-1");
        AtomicReference<String> orderSeen = new AtomicReference<>();

        handle(event, () -> {
            orderSeen.set(MDC.get(LoggingContext.ORDER_ID));
            logger.debug("not written: the logger is at INFO");
            return null;
        });

        assertThat(orderSeen).hasValue("order-1");
        assertThat(event.metaDataReads).isZero();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void a_line_written_by_a_handler_carries_the_message_trace_member_and_order() throws Exception {
        Stored event = stored("order-2", TRACE, "member-2");
        MDC.put(AuditMetaData.TRACE_ID, OTHER_TRACE); // what the thread held before: the message wins

        handle(event, () -> {
            logger.info("first");
            logger.warn("second");
            return null;
        });

        assertThat(lines.list).hasSize(2).allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry(AuditMetaData.TRACE_ID, TRACE)
                .containsEntry(AuditMetaData.MEMBER_ID, "member-2")
                .containsEntry(LoggingContext.ORDER_ID, "order-2"));
        assertThat(event.metaDataReads).as("decoded once for the handler").isEqualTo(1);
        assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry(AuditMetaData.TRACE_ID, OTHER_TRACE));
    }

    @Test
    void a_nested_handler_logs_its_own_message_and_the_outer_one_its_own_after_it() throws Exception {
        Stored outer = stored("order-outer", TRACE, "member-outer");
        Stored inner = stored("order-inner", OTHER_TRACE, "member-inner");

        handle(outer, () -> {
            handle(inner, () -> {
                logger.info("inner");
                return null;
            });
            logger.info("outer");
            return null;
        });

        assertThat(lines.list).extracting(ILoggingEvent::getMessage).containsExactly("inner", "outer");
        assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry(AuditMetaData.TRACE_ID, OTHER_TRACE)
                .containsEntry(AuditMetaData.MEMBER_ID, "member-inner")
                .containsEntry(LoggingContext.ORDER_ID, "order-inner");
        assertThat(lines.list.get(1).getMDCPropertyMap()).containsEntry(AuditMetaData.TRACE_ID, TRACE)
                .containsEntry(AuditMetaData.MEMBER_ID, "member-outer")
                .containsEntry(LoggingContext.ORDER_ID, "order-outer");
    }

    @Test
    void a_command_sent_by_a_handler_takes_the_trace_of_the_message_it_handles() throws Exception {
        Stored event = stored("order-3", TRACE, "member-3");
        AtomicReference<String> traced = new AtomicReference<>();

        handle(event, () -> {
            traced.set(TraceIds.outsideRequests());
            return null;
        });

        assertThat(traced).hasValue(TRACE);
    }

    private static Stored stored(String orderId, String traceId, String memberId) {
        return new Stored(new OrderNoted(orderId), Map.of(AuditMetaData.TRACE_ID, traceId, AuditMetaData.MEMBER_ID, memberId));
    }

    private static void handle(Message<?> message, InterceptorChain handler) throws Exception {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            LoggingContext.handle(unitOfWork, handler);
        } finally {
            unitOfWork.commit();
        }
    }
}
