package com.grow.payments.workbench;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the standalone service is ready, tells the person who started it where everything is: the
 * API, Swagger UI, the sandbox's payment and card-registration windows, Kafka, Prometheus, and the
 * curl line that gets a dev token.
 */
@Component
@Profile("standalone")
public class StandaloneBanner {

    private static final Logger log = LoggerFactory.getLogger(StandaloneBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    public void announce(ApplicationReadyEvent ready) {
        log.info(text(ready.getApplicationContext().getEnvironment()));
    }

    static String text(Environment env) {
        String api = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String management = env.getProperty("local.management.port");
        String actuator = (management == null ? api : "http://localhost:" + management) + "/actuator";
        String toss = env.getProperty("toss.base-url", "(a real Toss: toss.base-url)");
        List<String> lines = List.of(
                "",
                "==================================================================",
                " GROW Payments is ready (standalone: embedded servers, Toss sandbox)",
                "------------------------------------------------------------------",
                " API               " + api + "/api/v1",
                " Swagger UI        " + api + "/swagger-ui.html",
                " Operator console  " + api + "/console/",
                " Toss sandbox      " + toss,
                "   payment window  " + toss + "/sandbox/checkout",
                "   card window     " + toss + "/sandbox/billing-auth",
                " Kafka bootstrap   " + env.getProperty("spring.kafka.bootstrap-servers", "-"),
                " Prometheus        " + actuator + "/prometheus",
                " Dev token         curl -s '" + api + "/dev/token?sub=member-1&roles=USER'",
                "==================================================================");
        return String.join(System.lineSeparator(), lines);
    }
}
