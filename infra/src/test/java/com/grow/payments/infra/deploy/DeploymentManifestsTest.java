package com.grow.payments.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files (Dockerfile, deploy/compose.yaml, deploy/k8s, Prometheus and Grafana
 * provisioning) parsed and held together: no cluster and no Docker engine needed. Each check
 * compares one file with another, or with the application itself, so a manifest that drifts
 * from the service (a probe path, a label, an environment variable the app never reads) fails here.
 */
class DeploymentManifestsTest {

    /** What a Toss secret key looks like; none may be written into a deployment file. */
    private static final Pattern TOSS_SECRET_KEY = Pattern.compile("(test_sk_|live_sk_)[A-Za-z0-9]{8,}");

    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    /** Environment variables that configure the JVM, not Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS");

    private static Path root;
    private static Path deploy;
    private static Map<String, List<Map<String, Object>>> k8sByKind;
    private static Map<String, Object> compose;
    private static Set<String> serviceKeys;

    @BeforeAll
    static void load() {
        root = repositoryRoot();
        deploy = root.resolve("deploy");
        k8sByKind = new LinkedHashMap<>();
        for (Path file : yamlFiles(deploy.resolve("k8s"))) {
            for (Object document : loadAll(file)) {
                Map<String, Object> doc = asMap(document, file.toString());
                k8sByKind.computeIfAbsent(string(doc, "kind"), kind -> new ArrayList<>()).add(doc);
            }
        }
        compose = asMap(loadAll(deploy.resolve("compose.yaml")).get(0), "compose.yaml");
    }

    // ---------------------------------------------------------------- every file

    @Test
    void every_yaml_file_under_deploy_parses_to_documents() {
        List<Path> files = yamlFiles(deploy);
        assertThat(files).extracting(file -> deploy.relativize(file).toString().replace('\\', '/'))
                .contains("compose.yaml", "prometheus/prometheus.yml", "k8s/deployment.yaml", "k8s/service.yaml",
                        "k8s/configmap.yaml", "k8s/secret.template.yaml", "k8s/pdb.yaml", "k8s/hpa.yaml",
                        "k8s/servicemonitor.yaml", "grafana/provisioning/datasources/prometheus.yaml",
                        "grafana/provisioning/dashboards/grow-payments.yaml");
        for (Path file : files) {
            List<Object> documents = loadAll(file);
            assertThat(documents).as("documents in %s", file).isNotEmpty();
            documents.forEach(document -> asMap(document, file.toString()));
        }
    }

    @Test
    void no_deployment_file_holds_anything_that_looks_like_a_toss_secret_key() throws IOException {
        // the check itself must be able to fail: a key-shaped value is caught (built here, never written)
        assertThat(TOSS_SECRET_KEY.matcher("key: " + "live_sk_" + "x".repeat(20)).find()).isTrue();
        assertThat(TOSS_SECRET_KEY.matcher("key: " + "test_sk_" + "sandbox").find()).isFalse();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(deploy)) {
            // deploy/.env is the local, uncommitted place for compose's secrets (deploy/README.md)
            files = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(".env")).toList());
        }
        files.add(root.resolve("Dockerfile"));
        files.add(root.resolve(".dockerignore"));
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher matcher = TOSS_SECRET_KEY.matcher(text);
            if (matcher.find()) {
                fail("%s holds a Toss secret key at offset %d: use a placeholder or an environment variable",
                        root.relativize(file), matcher.start());
            }
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @Test
    void every_kubernetes_document_names_its_api_kind_and_name() {
        assertThat(k8sByKind.keySet()).contains("Deployment", "Service", "ConfigMap", "Secret",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceMonitor", "Kustomization");
        for (var entry : k8sByKind.entrySet()) {
            for (Map<String, Object> doc : entry.getValue()) {
                assertThat(string(doc, "apiVersion")).as("apiVersion of a %s", entry.getKey()).isNotBlank();
                if (!entry.getKey().equals("Kustomization")) {
                    assertThat(string(doc, "metadata", "name")).as("metadata.name of a %s", entry.getKey())
                            .isNotBlank().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
                }
            }
        }
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "ServiceMonitor")) {
            assertThat(k8sByKind.get(kind)).as("%s documents", kind).hasSize(1);
        }
        assertThat(string(one("Deployment"), "apiVersion")).isEqualTo("apps/v1");
        assertThat(string(one("PodDisruptionBudget"), "apiVersion")).isEqualTo("policy/v1");
        assertThat(string(one("HorizontalPodAutoscaler"), "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(string(one("ServiceMonitor"), "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    }

    @Test
    void kustomization_applies_every_manifest_but_the_secret_template() throws IOException {
        Path k8s = deploy.resolve("k8s");
        Set<String> resources = new TreeSet<>(strings(one("Kustomization"), "resources"));
        Set<String> expected = new TreeSet<>();
        for (Path file : yamlFiles(k8s)) {
            String name = k8s.relativize(file).toString();
            if (name.equals("kustomization.yaml")) {
                continue;
            }
            boolean secret = loadAll(file).stream().map(doc -> asMap(doc, name))
                    .anyMatch(doc -> "Secret".equals(doc.get("kind")));
            if (!secret) {
                expected.add(name);
            }
        }
        assertThat(resources).as("kustomization.yaml resources (the Secret template must stay out)")
                .isEqualTo(expected);
        for (String resource : resources) {
            assertThat(k8s.resolve(resource)).exists();
        }
    }

    @Test
    void deployment_runs_two_or_more_non_root_pods_with_probes_on_the_health_groups_and_resources() {
        Map<String, Object> deployment = one("Deployment");
        assertThat(integer(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat(string(deployment, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
        assertThat(String.valueOf(path(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")))
                .isEqualTo("0");
        assertThat(labels(deployment, "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(labels(deployment, "spec", "selector", "matchLabels"));
        assertThat(labels(deployment, "spec", "selector", "matchLabels")).isNotEmpty();

        Map<String, Object> container = container();
        Map<String, Integer> ports = containerPorts(container);
        assertThat(ports).containsEntry("http", 8080);
        assertThat(ports).as("health and metrics on the management port").containsEntry("management", 8081);

        assertThat(string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(string(container, "startupProbe", "httpGet", "path")).startsWith("/actuator/health/");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Object port = path(container, probe, "httpGet", "port");
            assertThat(port instanceof Integer number ? number : ports.get(port))
                    .as("%s port %s is the container's management port %s", probe, port, ports).isEqualTo(8081);
        }

        for (String resource : List.of("cpu", "memory")) {
            String request = string(container, "resources", "requests", resource);
            String limit = string(container, "resources", "limits", resource);
            assertThat(request).as("requests.%s", resource).isNotBlank();
            assertThat(limit).as("limits.%s", resource).isNotBlank();
            assertThat(quantity(request)).as("%s request %s within its limit %s", resource, request, limit)
                    .isLessThanOrEqualTo(quantity(limit));
        }

        Map<String, Object> podSecurity = map(deployment, "spec", "template", "spec", "securityContext");
        Map<String, Object> containerSecurity = map(container, "securityContext");
        assertThat(Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))
                || Boolean.TRUE.equals(containerSecurity.get("runAsNonRoot"))).as("runAsNonRoot").isTrue();
        assertThat(podSecurity.get("runAsUser")).as("the pod's uid is the image's").isEqualTo(dockerfileUid());
        assertThat(containerSecurity.get("allowPrivilegeEscalation")).isEqualTo(false);

        // a read-only root filesystem needs a writable /tmp (Tomcat, the JVM)
        assertThat(containerSecurity.get("readOnlyRootFilesystem")).isEqualTo(true);
        String tmpVolume = list(container, "volumeMounts").stream().map(mount -> asMap(mount, "volumeMount"))
                .filter(mount -> "/tmp".equals(mount.get("mountPath"))).map(mount -> (String) mount.get("name"))
                .findFirst().orElse(null);
        assertThat(tmpVolume).as("a volume mounted on /tmp").isNotNull();
        assertThat(list(deployment, "spec", "template", "spec", "volumes").stream().map(v -> asMap(v, "volume"))
                .filter(volume -> tmpVolume.equals(volume.get("name"))).anyMatch(volume -> volume.containsKey("emptyDir")))
                .as("/tmp is an emptyDir").isTrue();

        // the Service drops the pod during the preStop pause, and shutdown fits in the grace period
        List<String> preStop = strings(container, "lifecycle", "preStop", "exec", "command");
        assertThat(preStop).first().isEqualTo("sleep");
        int pause = Integer.parseInt(preStop.get(preStop.size() - 1));
        int grace = integer(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat(grace).as("terminationGracePeriodSeconds > preStop %s s + 20 s of graceful shutdown", pause)
                .isGreaterThan(pause + 20);
    }

    @Test
    void deployment_takes_its_configuration_from_the_configmap_and_the_secret_in_the_folder() {
        Map<String, Object> container = container();
        Set<String> configMaps = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (Object source : list(container, "envFrom")) {
            Map<String, Object> from = asMap(source, "envFrom");
            if (from.containsKey("configMapRef")) {
                configMaps.add(string(from, "configMapRef", "name"));
            }
            if (from.containsKey("secretRef")) {
                secrets.add(string(from, "secretRef", "name"));
            }
        }
        for (Object variable : container.containsKey("env") ? list(container, "env") : List.of()) {
            Map<String, Object> env = asMap(variable, "env");
            if (path(env, "valueFrom", "configMapKeyRef", "name") instanceof String name) {
                configMaps.add(name);
            }
            if (path(env, "valueFrom", "secretKeyRef", "name") instanceof String name) {
                secrets.add(name);
            }
        }
        assertThat(configMaps).as("ConfigMaps the container reads").isNotEmpty()
                .containsOnly(string(one("ConfigMap"), "metadata", "name"));
        assertThat(secrets).as("Secrets the container reads").isNotEmpty()
                .containsOnly(string(one("Secret"), "metadata", "name"));
    }

    @Test
    void configmap_and_secret_set_only_keys_the_service_reads_and_the_secret_holds_only_placeholders() {
        Map<String, Object> configMap = one("ConfigMap");
        Map<String, Object> secret = one("Secret");
        Map<String, Object> config = map(configMap, "data");
        Map<String, Object> secretData = map(secret, "stringData");
        assertThat(config).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_HOST",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "TOSS_BASE_URL");
        assertThat(secretData).containsKeys("TOSS_SECRET_KEY", "PAYMENTS_CRYPTO_KEY",
                "PAYMENTS_SECURITY_JWT_HMAC_SECRET", "SPRING_DATASOURCE_PASSWORD");
        assertThat(secret).doesNotContainKey("data");
        config.forEach((key, value) -> assertThat(value).as("ConfigMap %s is a string", key).isInstanceOf(String.class));
        secretData.forEach((key, value) -> assertThat(String.valueOf(value)).as("Secret template value of %s", key)
                .startsWith("REPLACE"));
        // secrets never sit in the ConfigMap
        assertThat(config.keySet()).doesNotContainAnyElementsOf(secretData.keySet());

        Set<String> variables = new TreeSet<>(config.keySet());
        variables.addAll(secretData.keySet());
        for (Object variable : list(container(), "env")) {
            variables.add(string(asMap(variable, "env"), "name"));
        }
        assertReadByTheService(variables, "deploy/k8s");
    }

    @Test
    void service_selects_the_deployments_pods_and_targets_their_port() {
        Map<String, Object> service = one("Service");
        Map<String, Object> podLabels = labels(one("Deployment"), "spec", "template", "metadata", "labels");
        Map<String, Object> selector = labels(service, "spec", "selector");
        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(string(service, "spec", "type")).isEqualTo("ClusterIP");

        Map<String, Integer> ports = containerPorts(container());
        List<Object> servicePorts = list(service, "spec", "ports");
        assertThat(servicePorts).isNotEmpty();
        for (Object entry : servicePorts) {
            Map<String, Object> port = asMap(entry, "Service port");
            Object target = port.get("targetPort");
            assertThat(target instanceof Integer number ? ports.containsValue(number) : ports.containsKey(target))
                    .as("Service targetPort %s is a container port %s", target, ports).isTrue();
        }
        Map<String, Object> http = asMap(servicePorts.get(0), "Service port");
        assertThat(http.get("port")).isEqualTo(80);
        Object target = http.get("targetPort");
        assertThat(target instanceof Integer number ? number : ports.get(target)).isEqualTo(8080);
    }

    @Test
    void disruption_budget_and_autoscaler_target_the_deployment() {
        Map<String, Object> deployment = one("Deployment");
        String name = string(deployment, "metadata", "name");
        Map<String, Object> podLabels = labels(deployment, "spec", "template", "metadata", "labels");
        int replicas = integer(deployment, "spec", "replicas");

        Map<String, Object> pdb = one("PodDisruptionBudget");
        Map<String, Object> pdbSelector = labels(pdb, "spec", "selector", "matchLabels");
        assertThat(pdbSelector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(pdbSelector);
        assertThat(integer(pdb, "spec", "minAvailable")).isEqualTo(1).isLessThan(replicas);

        Map<String, Object> hpa = one("HorizontalPodAutoscaler");
        assertThat(string(hpa, "spec", "scaleTargetRef", "apiVersion")).isEqualTo("apps/v1");
        assertThat(string(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(string(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name);
        int min = integer(hpa, "spec", "minReplicas");
        assertThat(min).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(replicas);
        assertThat(integer(hpa, "spec", "maxReplicas")).isEqualTo(6).isGreaterThan(min);
        List<Map<String, Object>> cpu = list(hpa, "spec", "metrics").stream().map(m -> asMap(m, "metric"))
                .filter(m -> "Resource".equals(m.get("type")) && "cpu".equals(path(m, "resource", "name")))
                .toList();
        assertThat(cpu).hasSize(1);
        assertThat(string(cpu.get(0), "resource", "target", "type")).isEqualTo("Utilization");
        assertThat(integer(cpu.get(0), "resource", "target", "averageUtilization")).isEqualTo(70);
    }

    @Test
    void service_monitor_scrapes_the_services_prometheus_endpoint() {
        Map<String, Object> service = one("Service");
        Map<String, Object> monitor = one("ServiceMonitor");
        Map<String, Object> selector = labels(monitor, "spec", "selector", "matchLabels");
        assertThat(selector).isNotEmpty();
        assertThat(labels(service, "metadata", "labels")).containsAllEntriesOf(selector);
        Set<Object> servicePortNames = list(service, "spec", "ports").stream()
                .map(port -> asMap(port, "Service port").get("name")).collect(Collectors.toSet());
        List<Object> endpoints = list(monitor, "spec", "endpoints");
        assertThat(endpoints).isNotEmpty();
        Map<String, Integer> containerPorts = containerPorts(container());
        for (Object entry : endpoints) {
            Map<String, Object> endpoint = asMap(entry, "endpoint");
            assertThat(servicePortNames).as("ServiceMonitor port").contains(endpoint.get("port"));
            Object target = list(service, "spec", "ports").stream().map(port -> asMap(port, "Service port"))
                    .filter(port -> endpoint.get("port").equals(port.get("name"))).findFirst().orElseThrow()
                    .get("targetPort");
            assertThat(target instanceof Integer number ? number : containerPorts.get(target))
                    .as("the ServiceMonitor scrapes the management port").isEqualTo(8081);
            assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
            assertThat(endpoint.get("interval")).isEqualTo("15s");
        }
    }

    // ---------------------------------------------------------------- Docker

    @Test
    void dockerfile_builds_in_one_stage_and_runs_the_layers_as_a_non_root_user_in_another() throws IOException {
        List<String> instructions = dockerInstructions();
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (keyword(instructions.get(i)).equals("FROM")) {
                froms.add(i);
            }
        }
        assertThat(froms).as("FROM stages").hasSizeGreaterThanOrEqualTo(2);
        assertThat(instructions.get(froms.get(0))).contains("eclipse-temurin:17-jdk");
        List<String> last = instructions.subList(froms.get(froms.size() - 1), instructions.size());
        assertThat(last.get(0)).contains("eclipse-temurin:17-jre");
        List<String> build = instructions.subList(froms.get(0), froms.get(froms.size() - 1));

        assertThat(build).anyMatch(line -> line.startsWith("RUN") && line.contains("./mvnw") && line.contains("install"));
        String extract = build.stream().filter(line -> line.contains("-Djarmode=tools")).findFirst().orElse("");
        assertThat(extract).contains("extract", "--layers", "--launcher");
        // the jar the extract reads is the one infra's pom builds
        Matcher jar = Pattern.compile("-jar\\s+(\\S+)").matcher(extract);
        assertThat(jar.find()).isTrue();
        String finalName = jar.group(1).replaceAll(".*/", "").replace(".jar", "");
        assertThat(Files.readString(root.resolve("infra/pom.xml"))).contains("<finalName>" + finalName + "</finalName>");

        List<String> copiedLayers = new ArrayList<>();
        for (String line : last) {
            if (keyword(line).equals("COPY") && line.contains("--from=")) {
                LAYERS.stream().filter(layer -> line.matches(".*/" + Pattern.quote(layer) + "/?\\s.*"))
                        .forEach(copiedLayers::add);
            }
        }
        assertThat(copiedLayers).as("layers copied into the runtime stage, in order").isEqualTo(LAYERS);

        String user = last.stream().filter(line -> keyword(line).equals("USER")).reduce((a, b) -> b)
                .map(line -> line.substring(4).trim()).orElse("root");
        String uid = user.split(":")[0];
        assertThat(uid).as("USER of the runtime stage").isNotIn("root", "0").matches("[0-9]+");

        assertThat(last).anyMatch(line -> line.equals("EXPOSE 8080"));
        assertThat(last).anyMatch(line -> keyword(line).equals("ENTRYPOINT")
                && line.contains("org.springframework.boot.loader.launch.JarLauncher"));
        assertThat(last).anyMatch(line -> keyword(line).equals("ENV") && line.contains("JAVA_TOOL_OPTIONS")
                && line.contains("-XX:MaxRAMPercentage=") && line.contains("-XX:+ExitOnOutOfMemoryError"));

        assertThat(Files.readAllLines(root.resolve(".dockerignore")))
                .anyMatch(line -> line.trim().matches("(\\*\\*/)?target/?"))
                .anyMatch(line -> line.trim().equals(".git"));
    }

    @Test
    void compose_runs_the_servers_two_instances_the_sandbox_and_monitoring() {
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("postgres", "redis", "kafka", "payments", "payments-2", "sandbox",
                "prometheus", "grafana");
        assertThat(string(compose, "services", "postgres", "image")).startsWith("postgres:16");
        assertThat(string(compose, "services", "postgres", "environment", "POSTGRES_DB")).isEqualTo("payments");
        assertThat(string(compose, "services", "redis", "image")).startsWith("redis:7");
        assertThat(string(compose, "services", "kafka", "image")).isEqualTo("apache/kafka:3.9.1");

        // Kafka in KRaft mode, reachable from the other containers as kafka:9092
        Map<String, Object> kafka = map(compose, "services", "kafka", "environment");
        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).contains("broker", "controller");
        assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("PLAINTEXT://kafka:9092");
        assertThat(String.valueOf(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))).contains("@kafka:");

        // both instances: the image of the repository's Dockerfile, the same servers, other host ports
        Set<String> hostPorts = new HashSet<>();
        for (String instance : List.of("payments", "payments-2")) {
            Map<String, Object> service = map(compose, "services", instance);
            Path context = deploy.resolve(string(service, "build", "context")).normalize();
            assertThat(context.resolve(string(service, "build", "dockerfile"))).exists();
            assertThat(context).isEqualTo(root);
            Map<String, Object> env = map(service, "environment");
            assertThat(string(env, "SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/payments");
            assertThat(string(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(string(env, "SPRING_DATA_REDIS_HOST")).isEqualTo("redis");
            assertThat(string(env, "TOSS_BASE_URL")).isEqualTo("http://sandbox:8090");
            assertThat(env).containsKeys("TOSS_SECRET_KEY", "PAYMENTS_CRYPTO_KEY", "PAYMENTS_SECURITY_JWT_HMAC_SECRET");
            // secrets come from the environment (or .env), never as literals in the file
            assertThat(string(env, "PAYMENTS_CRYPTO_KEY")).startsWith("${PAYMENTS_CRYPTO_KEY");
            assertThat(string(env, "PAYMENTS_SECURITY_JWT_HMAC_SECRET")).startsWith("${PAYMENTS_SECURITY_JWT_HMAC_SECRET");
            assertThat(string(env, "TOSS_SECRET_KEY")).startsWith("${TOSS_SECRET_KEY");
            assertReadByTheService(env.keySet(), "compose " + instance);
            assertThat(String.valueOf(path(service, "healthcheck", "test"))).contains("/actuator/health/readiness")
                    .contains("/" + string(env, "MANAGEMENT_SERVER_PORT") + " ");
            List<String> ports = strings(service, "ports");
            assertThat(ports).hasSize(1);
            assertThat(ports.get(0)).endsWith(":8080");
            hostPorts.add(ports.get(0));
        }
        assertThat(hostPorts).as("the two instances' host ports").hasSize(2);
        assertThat(map(compose, "services", "payments", "environment"))
                .isEqualTo(map(compose, "services", "payments-2", "environment"));

        // start order: a service waited on until healthy has a health check
        for (var entry : services.entrySet()) {
            Object dependsOn = asMap(entry.getValue(), entry.getKey()).get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                for (var dependency : conditions.entrySet()) {
                    assertThat(services).as("%s depends on", entry.getKey()).containsKey((String) dependency.getKey());
                    if ("service_healthy".equals(asMap(dependency.getValue(), "condition").get("condition"))) {
                        assertThat(map(compose, "services", (String) dependency.getKey()))
                                .as("%s, waited on until healthy", dependency.getKey()).containsKey("healthcheck");
                    }
                }
            }
        }
        assertThat(map(compose, "services", "payments", "depends_on")).containsKeys("postgres", "redis", "kafka", "sandbox");
    }

    @Test
    void compose_sandbox_runs_toss_sandbox_main_from_the_service_image_where_the_service_calls_it() throws Exception {
        Map<String, Object> sandbox = map(compose, "services", "sandbox");
        assertThat(string(sandbox, "image")).isEqualTo(string(compose, "services", "payments", "image"));
        List<String> entrypoint = strings(sandbox, "entrypoint");
        assertThat(entrypoint).contains("org.springframework.boot.loader.launch.PropertiesLauncher");
        String main = entrypoint.stream().filter(arg -> arg.startsWith("-Dloader.main=")).findFirst()
                .map(arg -> arg.substring("-Dloader.main=".length())).orElseThrow();
        Method mainMethod = Class.forName(main).getMethod("main", String[].class);
        assertThat(mainMethod).isNotNull();
        List<String> command = strings(sandbox, "command");
        assertThat(command).contains("--host=0.0.0.0");
        String port = command.stream().filter(arg -> arg.startsWith("--port=")).findFirst().orElseThrow().substring(7);
        assertThat(string(compose, "services", "payments", "environment", "TOSS_BASE_URL"))
                .isEqualTo("http://sandbox:" + port);
        // the sandbox accepts exactly the key the service sends
        String key = command.stream().filter(arg -> arg.startsWith("--secret-key=")).findFirst().orElseThrow()
                .substring("--secret-key=".length());
        assertThat(key).isEqualTo(string(compose, "services", "payments", "environment", "TOSS_SECRET_KEY"));
        assertThat(command).anyMatch(arg -> arg.equals("--webhook-url=http://payments:8080/api/v1/webhooks/toss"));
    }

    @Test
    void prometheus_scrapes_both_instances_and_grafana_is_provisioned_with_it_and_the_dashboards() {
        assertThat(strings(compose, "services", "prometheus", "volumes"))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        Map<String, Object> prometheus = asMap(loadAll(deploy.resolve("prometheus/prometheus.yml")).get(0), "prometheus.yml");
        List<Map<String, Object>> jobs = list(prometheus, "scrape_configs").stream().map(job -> asMap(job, "job"))
                .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path"))).toList();
        assertThat(jobs).hasSize(1);
        Set<String> targets = new HashSet<>();
        for (Object config : list(jobs.get(0), "static_configs")) {
            targets.addAll(strings(asMap(config, "static_config"), "targets"));
        }
        String management = string(compose, "services", "payments", "environment", "MANAGEMENT_SERVER_PORT");
        assertThat(targets).contains("payments:" + management, "payments-2:" + management);
        targets.forEach(target -> assertThat(map(compose, "services")).containsKey(target.split(":")[0]));

        List<String> grafanaVolumes = strings(compose, "services", "grafana", "volumes");
        String provisioning = mountTarget(grafanaVolumes, "./grafana/provisioning");
        assertThat(provisioning).isEqualTo("/etc/grafana/provisioning");
        assertThat(deploy.resolve("grafana/provisioning")).isDirectory();
        String dashboards = mountTarget(grafanaVolumes, "../docs/observability");
        assertThat(dashboards).as("docs/observability mounted into Grafana").isNotNull();

        Map<String, Object> datasources = asMap(
                loadAll(deploy.resolve("grafana/provisioning/datasources/prometheus.yaml")).get(0), "datasources");
        List<Map<String, Object>> sources = list(datasources, "datasources").stream().map(s -> asMap(s, "datasource")).toList();
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0)).containsEntry("type", "prometheus").containsEntry("uid", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
        assertThat(strings(compose, "services", "prometheus", "ports")).anyMatch(port -> port.endsWith(":9090"));

        Map<String, Object> provider = asMap(list(asMap(
                loadAll(deploy.resolve("grafana/provisioning/dashboards/grow-payments.yaml")).get(0), "dashboards"),
                "providers").get(0), "provider");
        assertThat(provider).containsEntry("type", "file");
        assertThat(string(provider, "options", "path")).as("the provider reads the mounted docs/observability")
                .isEqualTo(dashboards);
    }

    // ---------------------------------------------------------------- the service's configuration keys

    /**
     * Every variable must bind, through Spring Boot's own relaxed binding, a property the service
     * really reads: one of Spring Boot's (its configuration metadata) or one of the application's
     * ({@code @Value}, {@code @ConditionalOnProperty}, {@code @ConfigurationProperties}).
     */
    private static void assertReadByTheService(Set<String> variables, String where) {
        Set<String> keys = keysTheServiceReads();
        for (String variable : variables) {
            if (JVM_VARIABLES.contains(variable)) {
                continue;
            }
            String key = keys.stream().filter(candidate -> environmentNames(candidate).contains(variable))
                    .findFirst().orElse(null);
            assertThat(key).as("%s: %s is not a property the service reads", where, variable).isNotNull();
            assertThat(binds(variable, key)).as("%s: %s binds %s", where, variable, key).isTrue();
        }
    }

    private static synchronized Set<String> keysTheServiceReads() {
        if (serviceKeys == null) {
            Set<String> keys = new TreeSet<>(springBootKeys());
            keys.addAll(applicationKeys());
            serviceKeys = keys;
        }
        return serviceKeys;
    }

    private static Set<String> environmentNames(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private static boolean binds(String variable, String key) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(variable, "bound-value")));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        return binder.bind(key, Bindable.of(String.class)).map("bound-value"::equals).orElse(false);
    }

    private static Set<String> springBootKeys() {
        Set<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> resources = DeploymentManifestsTest.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        // a key deprecated at level error is no longer bound (spring.redis.host, say)
                        if (!"error".equals(property.path("deprecation").path("level").asText())) {
                            keys.add(property.path("name").asText());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(keys).as("Spring Boot's configuration metadata").contains("spring.datasource.url");
        return keys;
    }

    private static Set<String> applicationKeys() {
        Set<String> keys = new TreeSet<>();
        // every class of the service (not of its tests), loaded without running its initializers
        Resource[] classes;
        try {
            classes = new PathMatchingResourcePatternResolver().getResources("classpath*:com/grow/payments/**/*.class");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Resource resource : classes) {
            String url;
            try {
                url = resource.getURL().toString();
            } catch (IOException e) {
                continue;
            }
            if (url.contains("/test-classes/")) {
                continue;
            }
            String name = url.substring(url.lastIndexOf("com/grow/payments/"), url.length() - ".class".length())
                    .replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(name, false, DeploymentManifestsTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            try {
                collectKeys(type, keys);
            } catch (RuntimeException | LinkageError unreadable) {
                // a class whose members refer to something absent from the test classpath: no keys from it
            }
        }
        assertThat(keys).as("properties the application reads").contains("payments.security.jwt.hmac-secret",
                "toss.base-url", "payments.crypto.key");
        return keys;
    }

    private static void collectKeys(Class<?> type, Set<String> keys) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        for (var members : List.<java.util.function.Supplier<AnnotatedElement[]>>of(
                type::getDeclaredFields, type::getDeclaredMethods, type::getDeclaredConstructors)) {
            try {
                elements.addAll(List.of(members.get()));
            } catch (RuntimeException | LinkageError unreadable) {
                // members that refer to classes absent from the test classpath
            }
        }
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        if (properties != null && type.isRecord()) {
            String prefix = prefix(properties);
            for (RecordComponent component : type.getRecordComponents()) {
                keys.add(prefix + "." + kebab(component.getName()));
            }
        }
        for (AnnotatedElement element : elements) {
            collectValueKeys(element.getAnnotation(Value.class), keys);
            ConditionalOnProperty condition = element.getAnnotation(ConditionalOnProperty.class);
            if (condition != null) {
                String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
                Stream.concat(Stream.of(condition.name()), Stream.of(condition.value()))
                        .forEach(name -> keys.add(prefix + name));
            }
            if (element instanceof Executable executable) {
                for (Annotation[] parameter : executable.getParameterAnnotations()) {
                    for (Annotation annotation : parameter) {
                        if (annotation instanceof Value value) {
                            collectValueKeys(value, keys);
                        }
                    }
                }
            }
        }
    }

    private static void collectValueKeys(Value value, Set<String> keys) {
        if (value == null) {
            return;
        }
        Matcher placeholder = Pattern.compile("\\$\\{([^:}]+)").matcher(value.value());
        while (placeholder.find()) {
            keys.add(placeholder.group(1).trim());
        }
    }

    private static String prefix(ConfigurationProperties properties) {
        return properties.prefix().isEmpty() ? properties.value() : properties.prefix();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- helpers

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root with mvnw and deploy/ above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> loadAll(Path file) {
        try {
            List<Object> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                if (document != null) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> dockerInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(root.resolve("Dockerfile"))) {
            String line = raw.trim();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString().trim().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    private static String keyword(String instruction) {
        int space = instruction.indexOf(' ');
        return (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private static Integer dockerfileUid() {
        try {
            List<String> instructions = dockerInstructions();
            String user = instructions.stream().filter(line -> keyword(line).equals("USER")).reduce((a, b) -> b)
                    .orElseThrow().substring(4).trim();
            return Integer.valueOf(user.split(":")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mountTarget(List<String> volumes, String source) {
        return volumes.stream().map(volume -> volume.split(":"))
                .filter(parts -> parts[0].equals(source)).map(parts -> parts[1]).findFirst().orElse(null);
    }

    private static Map<String, Object> one(String kind) {
        List<Map<String, Object>> documents = k8sByKind.get(kind);
        assertThat(documents).as("%s documents under deploy/k8s", kind).isNotNull().hasSize(1);
        return documents.get(0);
    }

    private static Map<String, Object> container() {
        List<Object> containers = list(one("Deployment"), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return asMap(containers.get(0), "container");
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object entry : list(container, "ports")) {
            Map<String, Object> port = asMap(entry, "container port");
            ports.put(String.valueOf(port.get("name")), (Integer) port.get("containerPort"));
        }
        return ports;
    }

    /** CPU in cores ("500m", "2") or memory in bytes ("768Mi", "1Gi"). */
    private static double quantity(String value) {
        Matcher matcher = Pattern.compile("([0-9.]+)([a-zA-Z]*)").matcher(value);
        assertThat(matcher.matches()).as("quantity %s", value).isTrue();
        double number = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "" -> number;
            case "m" -> number / 1000;
            case "Ki" -> number * 1024;
            case "Mi" -> number * 1024 * 1024;
            case "Gi" -> number * 1024 * 1024 * 1024;
            case "k" -> number * 1e3;
            case "M" -> number * 1e6;
            case "G" -> number * 1e9;
            default -> throw new AssertionError("unknown unit in " + value);
        };
    }

    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static Map<String, Object> map(Map<String, Object> node, String... keys) {
        Object value = path(node, keys);
        assertThat(value).as("%s is a mapping", String.join(".", keys)).isInstanceOf(Map.class);
        return asMap(value, String.join(".", keys));
    }

    private static Map<String, Object> labels(Map<String, Object> node, String... keys) {
        return map(node, keys);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String... keys) {
        Object value = path(node, keys);
        assertThat(value).as("%s is a list", String.join(".", keys)).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static List<String> strings(Map<String, Object> node, String... keys) {
        return list(node, keys).stream().map(String::valueOf).toList();
    }

    private static String string(Map<String, Object> node, String... keys) {
        Object value = path(node, keys);
        assertThat(value).as("%s is a string", String.join(".", keys)).isInstanceOf(String.class);
        return (String) value;
    }

    private static int integer(Map<String, Object> node, String... keys) {
        Object value = path(node, keys);
        assertThat(value).as("%s is an integer", String.join(".", keys)).isInstanceOf(Integer.class);
        return (Integer) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        ((Map<?, ?>) value).keySet().forEach(key -> Objects.requireNonNull(key, what + " has a null key"));
        return (Map<String, Object>) value;
    }
}
