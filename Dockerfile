# GROW Payments: the service image, from the service's jar (module service). deploy/compose.yaml
# builds the workbench's jar into it instead (--build-arg JAR=workbench/target/grow-payments-workbench.jar),
# which also runs the Toss sandbox with another entrypoint.
#
#   docker build -t grow-payments:local .
#   docker run --rm -p 8080:8080 -e SPRING_DATASOURCE_URL=... grow-payments:local
#
# Stage 1 builds the fat jar with the Maven wrapper and splits it into Spring Boot's layers; stage 2
# is a JRE with those layers copied in the order they change least to most, run as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# The wrapper and the poms alone first: the dependency download is a layer of its own that is
# reused until a pom changes (module sources change far more often than dependencies).
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY shared-events/pom.xml shared-events/
COPY command-side/pom.xml command-side/
COPY sagas/pom.xml sagas/
COPY query-side/pom.xml query-side/
COPY toss-sandbox/pom.xml toss-sandbox/
COPY infra/pom.xml infra/
COPY service/pom.xml service/
COPY workbench/pom.xml workbench/
RUN chmod +x mvnw && ./mvnw -q -B dependency:go-offline

COPY shared-events/src/ shared-events/src/
COPY command-side/src/ command-side/src/
COPY sagas/src/ sagas/src/
COPY query-side/src/ query-side/src/
COPY toss-sandbox/src/ toss-sandbox/src/
COPY infra/src/ infra/src/
COPY workbench/src/main/ workbench/src/main/
RUN ./mvnw -q -B install -Dmaven.test.skip=true

# Spring Boot 3.5's jar tools: dependencies, spring-boot-loader, snapshot-dependencies and
# application, each an exploded part of the jar, plus the launcher classes.
ARG JAR=service/target/grow-payments.jar
RUN java -Djarmode=tools -jar "$JAR" extract --layers --launcher --destination /layers


FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="grow-payments" \
      org.opencontainers.image.description="GROW Payments: event-sourced payment service speaking Toss Payments"

# A fixed numeric uid/gid: Kubernetes' runAsNonRoot can only verify a numeric USER.
RUN groupadd --system --gid 10001 payments \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin payments

WORKDIR /app
# Least to most often changed, so a code change rebuilds only the last, small layer. The files stay
# owned by root: the service reads them and never writes beside them (only /tmp).
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

USER 10001:10001
EXPOSE 8080

# Container-aware JVM defaults; override the whole variable to change them (e.g. a lower
# MaxRAMPercentage under a tight memory limit). UTC inside, as the service stores time in UTC.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/./urandom -Duser.timezone=UTC"

# No HEALTHCHECK here: curl is not to be relied on in the JRE image, and the image also runs the sandbox. Compose
# checks /actuator/health/readiness with bash's /dev/tcp; Kubernetes uses its own probes.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
