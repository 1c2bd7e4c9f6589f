package com.grow.payments.infra.audit;

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
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every log line says about its work: {@code traceId}, {@code memberId} and {@code orderId}
 * in the MDC, which the JSON log layout writes as fields. Set for each HTTP request (after
 * security, so the member is known) and for each command and event a handler runs (from the
 * message's metadata, and the order from the message itself). Never anything secret.
 */
@Configuration(proxyBeanMethods = false)
public class LoggingContext {

    static final String ORDER_ID = "orderId";
    private static final Pattern ORDER_PATH = Pattern.compile("/api/v1/(?:admin/)?payments/([A-Za-z0-9_-]{6,64})(?:/.*)?");
    private static final String[] KEYS = {AuditMetaData.TRACE_ID, AuditMetaData.MEMBER_ID, ORDER_ID};

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

    /** The same for every command handler and event handler, from the message. */
    @Bean
    public ConfigurerModule loggingContextInterceptors() {
        MessageHandlerInterceptor<Message<?>> interceptor = (unitOfWork, chain) -> {
            Message<?> message = unitOfWork.getMessage();
            Map<String, String> previous = MDC.getCopyOfContextMap();
            try {
                put(message.getMetaData(), AuditMetaData.TRACE_ID);
                put(message.getMetaData(), AuditMetaData.MEMBER_ID);
                String order = orderOf(message);
                if (order != null) {
                    MDC.put(ORDER_ID, order);
                }
                return chain.proceed();
            } finally {
                if (previous == null) {
                    clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> cast(interceptor));
            configurer.onInitialize(config -> config.onStart(() ->
                    config.commandBus().registerHandlerInterceptor(cast(interceptor))));
        };
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
