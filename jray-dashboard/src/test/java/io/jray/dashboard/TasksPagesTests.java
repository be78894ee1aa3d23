package io.jray.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.dashboard.app.Adder;
import io.jray.dashboard.app.Sleeper;
import io.jray.runtime.control.history.HistoryIndexer;
import io.jray.runtime.function.FunctionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The tasks page and the task page over a real node and Redis: the history filters by state,
 * function and node, pages, finds a task by id, shows a task's arguments, error, dependencies and
 * dependents, pushes its state as it changes, and refuses bad parameters with a 400 and the reason.
 */
class TasksPagesTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static RunningDashboard dashboard;
    private static JRay jray;
    private static final List<ObjectRef<Integer>> sums = new ArrayList<>();
    private static final List<ObjectRef<Integer>> failures = new ArrayList<>();
    private static ObjectRef<Integer> first;
    private static ObjectRef<Integer> second;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard();
        jray = dashboard.context().getBean(JRay.class);
        await().atMost(TIMEOUT).until(dashboard.context().getBean(HistoryIndexer.class)::isListening);
        for (int i = 0; i < 20; i++) {
            sums.add(jray.task(Adder::add, i, 100).remote());
        }
        for (int i = 0; i < 3; i++) {
            failures.add(jray.task(Adder::fail, "broken " + i).remote());
        }
        first = jray.task(Adder::add, 20, 22).remote();
        second = jray.task(Adder::add, first, 0).remote();
        assertThat(second.get(TIMEOUT)).isEqualTo(42);
        assertThat(catchThrowable(() -> failures.getLast().get(TIMEOUT))).isNotNull();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get("/jray/tasks?state=F").body()).contains("of 22"));
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

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String function(String method, Class<?>... parameters) throws Exception {
        return FunctionId.of(Adder.class, Adder.class.getMethod(method, parameters));
    }

    @Test
    void theTasksPageListsTheHistoryNewestFirstWithCountsByState() throws Exception {
        HttpResponse<String> page = get("/jray/tasks");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Tasks</h1>", "Tasks 1–25 of 25", "finished 22", "failed 3",
                "Adder#add(int,int)", "Adder#fail(java.lang.String)", dashboard.nodeId());
        assertThat(page.body().indexOf(second.id())).as("newest first").isLessThan(page.body().indexOf(sums.getFirst().id()));
    }

    @Test
    void filtersByStateFunctionAndNodeAndPages() throws Exception {
        String failed = get("/jray/tasks?state=E").body();
        assertThat(failed).contains("Tasks 1–3 of 3");
        failures.forEach(ref -> assertThat(failed).contains(ref.id(), "<a class=\"log-link\" href=\"/jray/task?id="
                + ref.id() + "#log\">its log</a>"));
        assertThat(failed).doesNotContain(sums.getFirst().id() + "<");
        assertThat(get("/jray/tasks?state=F").body()).as("only failures link their log").doesNotContain("log-link\"");

        String adds = get("/jray/tasks?state=F&function=" + encoded(function("add", int.class, int.class)) + "&node="
                + encoded(dashboard.nodeId()) + "&size=5&page=2").body();
        assertThat(adds).contains("Tasks 6–10 of 22", "rel=\"prev\"", "rel=\"next\"");
        assertThat(adds).contains(sums.get(22 - 2 - 6).id()).doesNotContain(sums.getLast().id() + "<");

        assertThat(get("/jray/tasks?node=elsewhere").body()).contains("No task matches.");
    }

    @Test
    void aSearchByIdOpensTheTaskAndBadParametersGetTheReason() throws Exception {
        HttpResponse<String> found = get("/jray/tasks?id=" + encoded(second.id()));
        assertThat(found.statusCode()).isEqualTo(303);
        assertThat(found.headers().firstValue("Location")).hasValue("/jray/task?id=" + encoded(second.id()));

        assertThat(get("/jray/tasks?id=jnone/tnone")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("Redis has no record of jnone/tnone");
        });
        assertProblem("/jray/tasks?id=noslash", "job/task");
        assertProblem("/jray/tasks?state=X", "state must be one of [W, Q, R, F, E, C, D], was &#39;X&#39;");
        assertProblem("/jray/tasks?size=0", "size must be a whole number from 1 to 500, was &#39;0&#39;");
        assertProblem("/jray/tasks?page=abc", "page must be a whole number from 1 to 100000, was &#39;abc&#39;");
        assertProblem("/jray/tasks?function=a%20b", "function must be one word");
        assertProblem("/jray/tasks?page=100000&size=500", "offset must be between 0 and");
        assertProblem("/jray/task?id=", "id must be a task id (job/task)");
        assertThat(get("/jray/task?id=jnone/tnone").statusCode()).isEqualTo(404);
    }

    private static void assertProblem(String path, String reason) throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(400);
        assertThat(page.body()).as(path).contains(reason);
    }

    @Test
    void theTaskPageShowsArgumentsResultTimingsAndLinksBothWays() throws Exception {
        String page = get("/jray/task?id=" + encoded(second.id())).body();

        assertThat(page).contains("<h1><span>Task</span> <code>" + second.id() + "</code></h1>", "finished",
                function("add", int.class, int.class), dashboard.nodeId(), "<a href=\"/jray/task?id="
                        + first.id() + "\"", "<code class=\"preview\">42</code>", "waited", "ran");
        assertThat(page.substring(page.indexOf("<h2>Arguments</h2>"))).as("a spec is kept only while it waits or runs")
                .contains("Its arguments went with its queue entry when it settled");
        assertThat(page).contains("/jray/dag?task=" + second.id());
        assertThat(page.substring(page.indexOf("<h2>Attempts</h2>"), page.indexOf("<h2>Arguments</h2>")))
                .contains("<td>1</td>", dashboard.nodeId(), "finished").doesNotContain("<td>2</td>");
        assertThat(get("/jray/task?id=" + encoded(first.id())).body()).contains("<h2>Dependents</h2>", second.id());
    }

    @Test
    void theTaskPageOfAFailedTaskShowsTheRemoteStackTrace() throws Exception {
        String page = get("/jray/task?id=" + encoded(failures.getFirst().id())).body();

        assertThat(page).contains("failed", "java.lang.IllegalStateException", "broken 0",
                "at io.jray.dashboard.app.Adder.fail(Adder.java");
    }

    @Test
    void theTaskLiveStreamPushesItsStateAsItFinishes() throws Exception {
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 3000L).remote();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get("/jray/task?id=" + encoded(slow.id())).body())
                .as("its arguments, read from its queue entry while it runs").contains("<code class=\"preview\">3000</code>"));
        HttpResponse<InputStream> stream = dashboard.http().send(HttpRequest.newBuilder(URI.create(dashboard.base()
                + "/jray/task/live?id=" + encoded(slow.id()))).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            String finished = "data:{\"state\":\"F\",\"name\":\"finished\"}";
            List<String> data = assertTimeoutPreemptively(TIMEOUT, () -> {
                List<String> seen = new ArrayList<>();
                String line;
                while (!seen.contains(finished) && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        seen.add(line);
                    }
                }
                return seen;
            });
            assertThat(data).endsWith(finished);
        }
        assertThat(slow.get(TIMEOUT)).isEqualTo(3000L);
    }
}
