package io.jray.dashboard;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.dashboard.app.Adder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Task logs on the task page, over a real node and Redis: what a task printed and logged, in order
 * and by source, the same as plain text, and a link to it from a failure.
 */
class TaskLogPageTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static RunningDashboard dashboard;
    private static JRay jray;
    private static ObjectRef<Integer> quiet;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard();
        jray = dashboard.context().getBean(JRay.class);
        quiet = jray.task(Adder::add, 1, 2).remote();
        assertThat(quiet.get(TIMEOUT)).isEqualTo(3);
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

    @Test
    void theTaskPageShowsWhatATaskPrintedAndLoggedAndItsLogAsText() throws Exception {
        ObjectRef<Integer> counted = jray.task(Adder::countLoudly, "to be or not").remote();
        assertThat(counted.get(TIMEOUT)).isEqualTo(4);

        String page = get("/jray/task?id=" + encoded(counted.id())).body();
        String log = page.substring(page.indexOf("<h2 id=\"log\">Log</h2>"), page.indexOf("<h2>Arguments</h2>"));
        assertThat(log).contains("<table class=\"log\" data-log>", "attempt 1 on node " + dashboard.nodeId(),
                "<tr class=\"log-out\">", "counting the words of &#39;to be or not&#39;", "word: not",
                "<tr class=\"log-INFO\">", "title=\"io.jray.dashboard.app.Adder\"", "counted 4 words");
        assertThat(log.indexOf("word: to")).as("in the order printed").isLessThan(log.indexOf("word: not"));
        assertThat(page).contains("<a href=\"#log\">6 line(s)</a>");

        HttpResponse<String> text = get("/jray/task/log?id=" + encoded(counted.id()));
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(text.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(text.body().lines().toList()).hasSize(7).last().asString()
                .endsWith("INFO io.jray.dashboard.app.Adder | counted 4 words");
        assertThat(get("/jray/task?id=" + encoded(quiet.id())).body())
                .contains("<a href=\"#log\">0 line(s)</a>", "Nothing kept: it printed and logged nothing");
        assertThat(get("/jray/task/log?id=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void aFailedTaskLinksItsErrorToWhatItPrintedBeforeFailing() throws Exception {
        ObjectRef<Integer> empty = jray.task(Adder::countLoudly, " ").remote();
        assertThat(catchThrowable(() -> empty.get(TIMEOUT))).isNotNull();

        String page = get("/jray/task?id=" + encoded(empty.id())).body();
        String error = page.substring(page.indexOf("<h2>Error</h2>"));
        assertThat(error).contains("no words in &#39; &#39;",
                "<a href=\"#log\" data-error-log>What it printed and logged before it failed: 3 line(s)</a>");
        assertThat(page).contains("<tr class=\"log-err\">", "nothing to count", "<tr class=\"log-ERROR\">",
                "giving up on an empty text\njava.lang.IllegalArgumentException: empty text");
    }
}
