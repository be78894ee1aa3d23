package io.jray.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.dashboard.app.Adder;
import io.jray.dashboard.app.DashboardApplication;
import io.jray.dashboard.app.Sleeper;
import io.jray.dashboard.app.Tally;
import io.jray.runtime.control.history.HistoryIndexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's pages and live stream, served by a real node on a real Redis. */
class DashboardPagesTests {

    private static RunningDashboard dashboard;
    private static ReactiveWebServerApplicationContext context;
    private static String base;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard();
        context = dashboard.context();
        base = dashboard.base();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return dashboard.get(path);
    }

    private static String self() {
        return dashboard.nodeId();
    }

    @Test
    void theOverviewShowsTheClusterFigures() throws Exception {
        HttpResponse<String> page = get("/jray");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Overview</h1>", "data-live=\"nodes\"", self(), "CPU slots");
    }

    @Test
    void theNodesPageListsThisNodeWithItsLoad() throws Exception {
        HttpResponse<String> page = get("/jray/nodes");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Nodes</h1>", self() + "</code><span> (this node)", "worker", "cpu=2",
                "running", "free");
    }

    @Test
    void theLiveStreamPushesTheOverviewFigures() throws Exception {
        HttpResponse<InputStream> stream = dashboard.http().send(HttpRequest.newBuilder(URI.create(base + "/jray/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(lines.readLine()).isEqualTo("event:overview");
            assertThat(lines.readLine()).startsWith("data:{").contains("\"nodes\":1", "\"cpus\":2");
        }
    }

    @Test
    void theActorsPageListsLiveActorsWithTheirNodeAndName() throws Exception {
        JRay jray = context.getBean(JRay.class);
        ActorHandle<Tally> tally = jray.actor(Tally.class).name("tally-1").remote();
        assertThat(tally.task(Tally::add, 3).remote().get(Duration.ofSeconds(30))).isEqualTo(3);

        HttpResponse<String> page = get("/jray/actors");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Actors</h1>", "io.jray.dashboard.app.Tally", "tally-1", "alive", self());
    }

    @Test
    void theObjectsPageShowsEachStoreAgainstItsLimit() throws Exception {
        JRay jray = context.getBean(JRay.class);
        ObjectRef<byte[]> kept = jray.put(new byte[4 << 20]);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/jray/objects").body())
                .contains("<h1>Objects</h1>", self(), "4.0 MiB of", "<h2>Largest objects</h2>", kept.id()));
        String object = get("/jray/task?id=" + kept.id()).body();
        assertThat(object).contains("put value", "a large value of 4.0 MiB");
        assertThat(kept.isReady()).as("the ref stays reachable, so the object is not freed meanwhile").isTrue();
    }

    @Test
    void theDagOfTheLinearAggregationHasSevenLayersOfTasksAndTheTreeThree() throws Exception {
        JRay jray = context.getBean(JRay.class);
        await().atMost(Duration.ofSeconds(30)).until(context.getBean(HistoryIndexer.class)::isListening);
        ObjectRef<Integer> first = jray.task(Adder::add, 1, 2).remote();
        ObjectRef<Integer> linear = first;
        for (int i = 3; i <= 8; i++) {
            linear = jray.task(Adder::add, linear, i).remote();
        }
        List<ObjectRef<Integer>> layer = new ArrayList<>();
        for (int i = 1; i <= 8; i += 2) {
            layer.add(jray.task(Adder::add, i, i + 1).remote());
        }
        while (layer.size() > 1) {
            List<ObjectRef<Integer>> next = new ArrayList<>();
            for (int i = 0; i < layer.size(); i += 2) {
                next.add(jray.task(Adder::add, layer.get(i), layer.get(i + 1)).remote());
            }
            layer = next;
        }
        ObjectRef<Integer> tree = layer.getFirst();
        assertThat(linear.get(Duration.ofSeconds(30))).isEqualTo(36);
        assertThat(tree.get(Duration.ofSeconds(30))).isEqualTo(36);

        String linearPage = get("/jray/dag?task=" + linear.id()).body();
        String treePage = get("/jray/dag?task=" + tree.id()).body();

        assertThat(taskDepths(linearPage)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(linearPage).contains("7 layers of tasks, depth 7");
        assertThat(taskDepths(treePage)).containsExactly(1, 2, 3);
        assertThat(treePage).contains("3 layers of tasks, depth 3", "state-F");
        assertThat(count(treePage, "data-task=\"true\"")).isEqualTo(7);

        String root = get("/jray/dag?view=descendants&task=" + first.id()).body();
        assertThat(taskDepths(root)).as("the first add and the six that grew from it").containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(count(root, "data-task=\"true\"")).isEqualTo(7);
        HttpResponse<String> badView = get("/jray/dag?view=sideways&task=" + first.id());
        assertThat(badView.statusCode()).isEqualTo(400);
        assertThat(badView.body()).contains("view must be");
    }

    @Test
    void aDagOfAThousandTasksFoldsEachDepthIntoAGroupThatExpandsInPlace() throws Exception {
        JRay jray = context.getBean(JRay.class);
        List<ObjectRef<Integer>> layer = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            layer.add(jray.task(Adder::add, i, 1).remote());
        }
        ObjectRef<Integer> leaf = layer.get(5);
        while (layer.size() > 1) {
            List<ObjectRef<Integer>> next = new ArrayList<>();
            for (int i = 0; i < layer.size(); i += 2) {
                next.add(jray.task(Adder::add, layer.get(i), layer.get(i + 1)).remote());
            }
            layer = next;
        }
        assertThat(layer.getFirst().get(Duration.ofSeconds(60))).isEqualTo(511 * 512 / 2 + 512);

        HttpResponse<String> page = get("/jray/dag?task=" + layer.getFirst().id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("10 layers of tasks, depth 10, 1023 vertices; 9 groups of one function at one depth",
                "Adder#add ×512", "512 finished", "Adder#add ×2");
        assertThat(count(page.body(), "data-task=\"true\"")).isEqualTo(10);
        assertThat(page.body()).contains("<a href=\"task?id=" + layer.getFirst().id() + "\">");
        Matcher expand = Pattern.compile("<a href=\"(dag\\?task=[^\"]+expand=[^\"]+\\)@2)\">").matcher(page.body());
        assertThat(expand.find()).as("a link that expands the group at depth 2 among %s",
                Pattern.compile("href=\"dag[^\"]*\"").matcher(page.body()).results().map(MatchResult::group).toList())
                .isTrue();

        String expanded = get("/jray/" + expand.group(1).replace("&amp;", "&")).body();
        assertThat(count(expanded, "data-task=\"true\"")).as("the 256 tasks at depth 2 one by one, 9 boxes else")
                .isEqualTo(256 + 9);
        assertThat(expanded).contains("Drawn one by one:", "Adder#add at depth 2", ">fold</a>");

        String grown = get("/jray/dag?view=descendants&task=" + leaf.id()).body();
        assertThat(taskDepths(grown)).as("one leaf and the adds above it, no sibling")
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(count(grown, "data-task=\"true\"")).isEqualTo(10);
    }

    @Test
    void theJobsPageListsRunningAndEndedJobsWithTheirTasksByStateAndTheirWholeGraph() throws Exception {
        JRay jray = context.getBean(JRay.class);
        ObjectRef<Integer> sum = jray.task(Adder::add, jray.task(Adder::add, 1, 2).remote(),
                jray.task(Adder::add, 3, 4).remote()).remote();
        assertThat(sum.get(Duration.ofSeconds(30))).isEqualTo(10);
        String job = sum.id().substring(0, sum.id().indexOf('/'));
        String ended;
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(DashboardApplication.class)
                .web(WebApplicationType.NONE).properties(dashboard.clusterProperties())
                .properties("jray.dashboard.enabled=false").run()) {
            ObjectRef<Integer> one = other.getBean(JRay.class).task(Adder::add, 5, 6).remote();
            assertThat(one.get(Duration.ofSeconds(30))).isEqualTo(11);
            ended = one.id().substring(0, one.id().indexOf('/'));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String page = get("/jray/jobs").body();
            assertThat(page).contains("<h1>Jobs</h1>");
            String row = page.substring(page.indexOf("data-job=\"" + job + "\""));
            assertThat(row.substring(0, row.indexOf("</tr>"))).contains(self(), "(this node)", "running",
                    "finished", "dag?job=" + job);
            String endedRow = page.substring(page.indexOf("data-job=\"" + ended + "\""));
            assertThat(endedRow.substring(0, endedRow.indexOf("</tr>"))).contains("ended", "1 finished");
        });

        String tasks = get("/jray/tasks?job=" + ended).body();
        assertThat(tasks).contains("job <code>" + ended + "</code>", "every job", "Tasks 1–1 of 1");
        assertThat(get("/jray/tasks?job=" + job).body()).doesNotContain(ended + "/").contains(sum.id());
        assertThat(get("/jray/tasks?job=not%20a%20word").statusCode()).isEqualTo(400);

        HttpResponse<String> graph = get("/jray/dag?job=" + job);
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).contains("Every task of job", "data-job=\"" + job + "\"", sum.id());
        assertThat(count(graph.body(), "data-task=\"true\"")).isGreaterThanOrEqualTo(3);
        assertThat(get("/jray/dag?job=not-a-job!").statusCode()).isEqualTo(400);
        assertThat(get("/jray/dag?job=jnothing").statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineDrawsEachRunInALaneOfItsNodeAndExportsValidChromeTraceJson() throws Exception {
        JRay jray = context.getBean(JRay.class);
        List<ObjectRef<Long>> sleeps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sleeps.add(jray.task(Sleeper::sleep, 60L).remote());
        }
        assertThat(jray.get(sleeps, Duration.ofSeconds(30))).hasSize(10);

        List<Map<String, Object>>[] runs = new List[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> json = get("/jray/timeline.json?minutes=5");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).contains("jray-timeline.json"));
            Map<String, Object> trace = JsonParserFactory.getJsonParser().parseMap(json.body());
            List<Map<String, Object>> events = (List<Map<String, Object>>) trace.get("traceEvents");
            runs[0] = events.stream().filter(e -> "X".equals(e.get("ph")) && "Sleeper#sleep(long)".equals(e.get("name")))
                    .toList();
            assertThat(runs[0]).hasSizeGreaterThanOrEqualTo(10);
            assertThat(events).anyMatch(e -> "process_name".equals(e.get("name"))
                    && ((Map<String, Object>) e.get("args")).get("name").equals("node " + self()));
        });
        for (Map<String, Object> run : runs[0]) {
            assertThat(((Number) run.get("dur")).longValue()).as("µs").isGreaterThanOrEqualTo(50_000);
            assertThat(run).containsKeys("ts", "pid", "tid", "cat", "args");
        }
        for (Map<String, Object> a : runs[0]) {
            for (Map<String, Object> b : runs[0]) {
                if (a != b && a.get("pid").equals(b.get("pid")) && a.get("tid").equals(b.get("tid"))) {
                    long as = ((Number) a.get("ts")).longValue(), ae = as + ((Number) a.get("dur")).longValue();
                    long bs = ((Number) b.get("ts")).longValue(), be = bs + ((Number) b.get("dur")).longValue();
                    assertThat(ae <= bs || be <= as).as("runs of one lane do not overlap").isTrue();
                }
            }
        }

        HttpResponse<String> page = get("/jray/timeline?minutes=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Timeline</h1>", "node " + self(), "lane 1", "Chrome trace JSON");
        assertThat(count(page.body(), "class=\"run state-F\"")).isGreaterThanOrEqualTo(10);
        assertThat(get("/jray/timeline?minutes=0").statusCode()).isEqualTo(400);
        assertThat(get("/jray/timeline.json?minutes=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void theDagPageRefusesBadIdsAndSaysWhenARecordIsMissing() throws Exception {
        HttpResponse<String> bad = get("/jray/dag?task=no-slash");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("job/task");
        HttpResponse<String> missing = get("/jray/dag?task=jnone/tnone");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Redis has no record of jnone/tnone");
        assertThat(get("/jray/dag").statusCode()).isEqualTo(200);
    }

    /** The distinct depths of the task vertices of a DAG page, in order. */
    private static List<Integer> taskDepths(String page) {
        Matcher m = Pattern.compile("data-depth=\"(\\d+)\" data-task=\"true\"").matcher(page);
        TreeSet<Integer> depths = new TreeSet<>();
        while (m.find()) {
            depths.add(Integer.parseInt(m.group(1)));
        }
        return List.copyOf(depths);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void staticFilesComeFromTheModule() throws Exception {
        assertThat(get("/jray/live.js").body()).contains("EventSource");
        assertThat(get("/jray/dashboard.css").statusCode()).isEqualTo(200);
    }
}
