package com.grow.payments.infra.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Outside the {@code standalone} profile, health and metrics default to their own port
 * ({@code management.server.port} 8081), never the API's: they need no token, so they must not be
 * reachable wherever the API is. In {@code standalone} they share the API's port unless the port
 * is set. A default, not a value: any configured {@code management.server.port} wins.
 */
public class ManagementPortDefault implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "management.server.port";
    static final int DEFAULT_PORT = 8081;

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("standalone")) || environment.containsProperty(PROPERTY)) {
            return;
        }
        environment.getPropertySources().addLast(
                new MapPropertySource("management-port-default", Map.of(PROPERTY, DEFAULT_PORT)));
    }
}
