package com.grow.payments.infra.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.grow.payments.shared.payment.PaymentEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every log line says about its work: {@code traceId}, {@code memberId} and {@code orderId}
 * in the MDC, which the JSON log layout writes as fields. Set for each HTTP request (after
 * security, so the member is known) and for each command and event a handler runs (from the
 * message's metadata when a line is written, and the order from the message itself). Never
 * anything secret.
 */
@Configuration(proxyBeanMethods = false)
public class LoggingContext {

    static final String ORDER_ID = "orderId";
    private static final Pattern ORDER_PATH = Pattern.compile("/api/v1/(?:admin/)?payments/([A-Za-z0-9_-]{6,64})(?:/.*)?");
    private static final String[] KEYS = {AuditMetaData.TRACE_ID, AuditMetaData.MEMBER_ID, ORDER_ID};
    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    /** The request's trace, member and order, for the log lines written while serving it. */
    @Bean
    public OncePerRequestFilter loggingContextFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                try {
                    MDC.put(AuditMetaData.TRACE_ID, TraceIds.of(request));
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication != null && authentication.isAuthenticated()
                            && !"anonymousUser".equals(authentication.getName())) {
                        MDC.put(AuditMetaData.MEMBER_ID, authentication.getName());
                    }
                    Matcher order = ORDER_PATH.matcher(request.getRequestURI());
                    if (order.matches()) {
                        MDC.put(ORDER_ID, order.group(1));
                    }
                    chain.doFilter(request, response);
                } finally {
                    clear();
                }
            }
        };
    }

    /**
     * The same for every command handler and event handler, from the message: its order at once
     * (the handler decodes the payload anyway), its trace and member only when a log line is
     * written or a trace id is asked for ({@link #settle()}). Decoding a stored event's metadata
     * for every event every processor handles cost a replay of the history read model 8 % of its
     * CPU, for log lines that are almost never written.
     */
    @Bean
    public ConfigurerModule loggingContextInterceptors() {
        SettleBeforeLogging.install();
        MessageHandlerInterceptor<Message<?>> interceptor = LoggingContext::handle;
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> cast(interceptor));
            configurer.onInitialize(config -> config.onStart(() ->
                    config.commandBus().registerHandlerInterceptor(cast(interceptor))));
        };
    }

    /** Runs the handler with the message's order in the MDC and its trace and member pending. */
    static Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Map<String, String> previous = MDC.getCopyOfContextMap();
        Pending outer = PENDING.get();
        PENDING.set(new Pending(message));
        try {
            String order = orderOf(message);
            if (order != null) {
                MDC.put(ORDER_ID, order);
            }
            return chain.proceed();
        } finally {
            if (outer == null) {
                PENDING.remove();
            } else {
                PENDING.set(outer);
            }
            if (previous == null) {
                clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /**
     * Puts the trace and member of the message being handled on this thread into the MDC, once per
     * handler; nothing when no handler runs or it has been done. Their values win over what the MDC
     * held before the handler began, as for the order.
     */
    static void settle() {
        Pending pending = PENDING.get();
        if (pending == null || pending.settled) {
            return;
        }
        pending.settled = true;
        MetaData metaData;
        try {
            metaData = pending.message.getMetaData();
        } catch (RuntimeException undecodable) {
            return; // a log line is not the place to fail on it: the handler meets it if it reads them
        }
        put(metaData, AuditMetaData.TRACE_ID);
        put(metaData, AuditMetaData.MEMBER_ID);
    }

    /** A handled message whose trace and member have not gone to the MDC yet. */
    private static final class Pending {
        private final Message<?> message;
        private boolean settled;

        Pending(Message<?> message) {
            this.message = message;
        }
    }

    /** Settles the MDC before a log line that will be written is made (Logback asks every turbo filter first). */
    static final class SettleBeforeLogging extends TurboFilter {

        /** Adds the filter to Logback's context once; nothing when Logback is not the logger. */
        static void install() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                synchronized (context) {
                    if (context.getTurboFilterList().stream().noneMatch(SettleBeforeLogging.class::isInstance)) {
                        SettleBeforeLogging filter = new SettleBeforeLogging();
                        filter.setContext(context);
                        filter.start();
                        context.addTurboFilter(filter);
                    }
                }
            }
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            if (PENDING.get() != null && level != null && level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                settle();
            }
            return FilterReply.NEUTRAL;
        }
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message<?>> MessageHandlerInterceptor<M> cast(MessageHandlerInterceptor<Message<?>> interceptor) {
        return (MessageHandlerInterceptor<M>) (MessageHandlerInterceptor<?>) interceptor;
    }

    private static void put(MetaData metaData, String key) {
        Object value = metaData.get(key);
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    /** Each record type's {@code orderId} accessor, looked up once per type; null when it has none. */
    private static final ClassValue<Method> ORDER_ACCESSOR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(ORDER_ID)) {
                    return component.getAccessor();
                }
            }
            return null;
        }
    };

    /** The order a message is about: a payment event's order, or a command's (or other event's) {@code orderId}. */
    static String orderOf(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof PaymentEvent event) {
            return event.orderId().value();
        }
        Method accessor = payload == null ? null : ORDER_ACCESSOR.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(payload);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void clear() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}
