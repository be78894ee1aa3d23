package io.jray.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of {@code docker-compose.yml} and {@code deploy/kubernetes/jray.yaml} without
 * a container engine: every node is reachable beyond loopback, has a /dev/shm larger than its object
 * store, finds Redis by a service that exists, and names only {@code jray.*} settings that exist.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void composeNodesListenBeyondLoopbackWithSharedMemoryAboveTheirStore() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("redis", "head", "worker");
        for (String name : List.of("head", "worker")) {
            Map<String, Object> node = services.get(name);
            List<String> command = (List<String>) node.get("command");
            assertThat(command).as(name).contains("--spring.data.redis.host=redis", "--jray.object.bind-address=0.0.0.0",
                    "--sun-misc-unsafe-memory-access=allow");
            DataSize shm = DataSize.parse(((String) node.get("shm_size")).toUpperCase());
            assertThat(shm).as("%s shm_size above its store limit", name).isGreaterThan(storeLimit(command));
            assertKnownJRaySettings(command);
        }
        assertThat((List<String>) services.get("head").get("command")).contains("--server.address=0.0.0.0");
        assertThat((List<String>) services.get("head").get("ports")).anyMatch(p -> p.endsWith(":8080"));
        assertThat((List<String>) services.get("worker").get("command"))
                .contains("--spring.main.web-application-type=none");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesNodesMountMemoryForDevShmAndAdvertiseTheirPodAddress() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes/jray.yaml")))
                .forEach(doc -> docs.add((Map<String, Object>) doc));
        Set<String> services = new HashSet<>();
        for (Map<String, Object> doc : docs) {
            if ("Service".equals(doc.get("kind"))) {
                services.add((String) ((Map<String, Object>) doc.get("metadata")).get("name"));
            }
        }
        int nodes = 0;
        for (Map<String, Object> doc : docs) {
            if (!"Deployment".equals(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("spec"))
                    .get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
            List<String> args = (List<String>) container.get("args");
            if (((String) container.get("image")).startsWith("jray-sample-app")) {
                assertThat(container.get("image")).as("the image Jib builds").isEqualTo(jibImage());
            }
            if (args.stream().noneMatch(a -> a.startsWith("--spring.data.redis.host="))) {
                continue;
            }
            nodes++;
            String redisHost = args.stream().filter(a -> a.startsWith("--spring.data.redis.host=")).findFirst()
                    .orElseThrow().substring("--spring.data.redis.host=".length());
            assertThat(services).as("the Redis service named by the nodes").contains(redisHost);
            assertThat(args).contains("--jray.object.bind-address=0.0.0.0", "--jray.object.advertised-host=$(POD_IP)");
            assertThat((List<Map<String, Object>>) container.get("env")).anyMatch(e -> "POD_IP".equals(e.get("name")));
            assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
                    .anyMatch(m -> "/dev/shm".equals(m.get("mountPath")));
            Map<String, Object> shm = ((List<Map<String, Object>>) pod.get("volumes")).getFirst();
            Map<String, Object> emptyDir = (Map<String, Object>) shm.get("emptyDir");
            assertThat(emptyDir).containsEntry("medium", "Memory");
            DataSize size = DataSize.parse(((String) emptyDir.get("sizeLimit")).replace("Gi", "GB").replace("Mi", "MB"));
            assertThat(size).isGreaterThan(storeLimit(args));
            assertKnownJRaySettings(args);
        }
        assertThat(nodes).as("head and worker deployments").isEqualTo(2);
    }

    /** The image name Jib gives the sample app ({@code <to><image>} in its pom, version resolved). */
    private static String jibImage() throws IOException {
        String pom = Files.readString(ROOT.resolve("sample-app/pom.xml"));
        Matcher to = Pattern.compile("<to>\\s*<image>([^<]+)</image>").matcher(pom);
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(to.find()).as("a Jib <to><image> in sample-app/pom.xml").isTrue();
        assertThat(version.find()).isTrue();
        assertThat(pom).as("the image's JVM flags").contains("<jvmFlag>--sun-misc-unsafe-memory-access=allow</jvmFlag>");
        return to.group(1).replace("${project.version}", version.group(1));
    }

    private static DataSize storeLimit(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--jray.object.store-limit=")).findFirst()
                .map(a -> DataSize.parse(a.substring("--jray.object.store-limit=".length()))).orElseThrow();
    }

    /** Every {@code --jray.*} argument names a property of the starter's configuration metadata. */
    private static void assertKnownJRaySettings(List<String> args) throws IOException {
        String metadata;
        try (InputStream in = DeploymentFilesTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the starter's configuration metadata").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher names = Pattern.compile("\"name\": \"(jray\\.[^\"]+)\"").matcher(metadata);
        Set<String> known = new HashSet<>();
        while (names.find()) {
            known.add(names.group(1));
        }
        for (String arg : args) {
            if (arg.startsWith("--jray.")) {
                assertThat(known).as("a jray setting of the starter").contains(arg.substring(2, arg.indexOf('=')));
            }
        }
    }
}
