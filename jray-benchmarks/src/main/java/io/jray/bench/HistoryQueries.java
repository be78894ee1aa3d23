package io.jray.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jray.bench.HistoryContender.Function;
import io.jray.bench.HistoryResult.Query;

/**
 * The requests of the history suite: the kinds of query a user of the Tasks page makes, sent one
 * at a time over one keep-alive HTTP/1.1 connection, in rounds (every kind once per round): a few
 * rounds to warm up, then the measured ones. Every answer is checked (status, and the caption
 * "Tasks a–b of n" with the number of matching tasks the history says, or where a search
 * redirects to), so a wrong page fails the run.
 */
final class HistoryQueries implements AutoCloseable {

    /** Requests of each kind before the measured ones. */
    static final int WARMUP = 3;
    /** Rows per page, as asked for ({@code size}; the page's default). */
    static final int PAGE_SIZE = 50;
    /** The deep page asked for, when the history has that many pages of finished tasks. */
    static final int DEEP_PAGE = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern READ = Pattern.compile("read in (\\d+) ms");

    /**
     * A kind of query and what its answer must hold.
     *
     * @param page the page asked for, from 1 (0 for a search)
     * @param expected the caption of a page, or the {@code Location} of a search's 303
     */
    record Kind(String label, String path, boolean filtered, long matching, int page, String expected) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final int measured;

    /** Queries of the dashboard at {@code base}; {@code measured} requests of each kind. */
    HistoryQueries(String base, int measured) {
        this.base = base;
        this.measured = measured;
    }

    /**
     * The kinds of query over a history of {@code tasks} tasks of which {@code failed} failed;
     * {@code taskId} is one of them, to search for.
     */
    static List<Kind> kinds(HistoryContender contender, long tasks, long failed, String taskId) throws Exception {
        String noop2 = contender.functionId(Function.NOOP2);
        String fail = contender.functionId(Function.FAIL);
        String node = contender.workerNode();
        long finished = tasks - failed;
        int deep = (int) Math.max(1, Math.min(DEEP_PAGE, finished / PAGE_SIZE));
        long threeFilters = contender.matching("F", noop2, node);
        return List.of(page("all tasks", "", false, tasks, 1),
                page("finished (`state=F`, ~99 %)", "state=F", true, finished, 1),
                page("failed (`state=E`, ~1 %)", "state=E", true, failed, 1),
                page("`noop2` + finished + one worker node (three filters)", "state=F&function=" + encode(noop2)
                        + "&node=" + encode(node), true, threeFilters, 1),
                page("`fail` + failed (two filters)", "state=E&function=" + encode(fail), true, failed, 1),
                page(String.format(Locale.ROOT, "finished, deep page %,d (rows %,d–%,d)", deep,
                        (deep - 1L) * PAGE_SIZE + 1, Math.min((long) deep * PAGE_SIZE, finished)), "state=F&page="
                        + deep, true, finished, deep),
                new Kind("search by id (303 to the task's page)", "/jray/tasks?id=" + encode(taskId), false, 1, 0,
                        "/jray/task?id=" + encode(taskId)));
    }

    private static Kind page(String label, String query, boolean filtered, long matching, int page) {
        String path = "/jray/tasks?" + (query.isEmpty() ? "" : query + "&") + "size=" + PAGE_SIZE;
        long first = (page - 1L) * PAGE_SIZE + 1;
        String caption = matching == 0 ? "No task matches." : "Tasks " + first + "–"
                + Math.min(page * (long) PAGE_SIZE, matching) + " of " + matching;
        return new Kind(label, path, filtered, matching, page, caption);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Sends every kind's warm-up requests, then the measured ones, in rounds: each round asks for every
     * kind once, in order, so no kind meets a JVM less warm than the others; checks every answer.
     */
    List<Query> measure(List<Kind> kinds) throws IOException, InterruptedException {
        List<List<Long>> nanos = kinds.stream().map(k -> (List<Long>) new ArrayList<Long>()).toList();
        List<List<Long>> readMillis = kinds.stream().map(k -> (List<Long>) new ArrayList<Long>()).toList();
        for (int round = -WARMUP; round < measured; round++) {
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get(k);
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + kind.path())).timeout(TIMEOUT).build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                Long read = check(kind, response);
                if (round >= 0) {
                    nanos.get(k).add(took);
                    if (read != null) {
                        readMillis.get(k).add(read);
                    }
                }
            }
        }
        List<Query> queries = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            Query query = new Query(kind.label(), kind.path(), kind.filtered(), kind.matching(), nanos.get(k),
                    readMillis.get(k));
            System.out.println(String.format(Locale.ROOT, "[history] %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms "
                    + "(%,d matching%s)", kind.label(), query.p50Millis(), query.p95Millis(), query.maxMillis(),
                    kind.matching(), query.medianReadMillis() < 0 ? "" : "; page's own read "
                            + query.medianReadMillis() + " ms median"));
            queries.add(query);
        }
        return queries;
    }

    /** Fails unless the answer is the one expected; returns the page's own read time, if it says one. */
    private static Long check(Kind kind, HttpResponse<String> response) {
        if (kind.page() == 0) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() != 303 || !kind.expected().equals(location)) {
                throw wrong(kind, response, "a 303 to " + kind.expected());
            }
            return null;
        }
        if (response.statusCode() != 200 || !response.body().contains(kind.expected())) {
            throw wrong(kind, response, "a 200 with \"" + kind.expected() + "\"");
        }
        Matcher read = READ.matcher(response.body());
        return read.find() ? Long.parseLong(read.group(1)) : null;
    }

    private static IllegalStateException wrong(Kind kind, HttpResponse<String> response, String expected) {
        String body = response.body();
        int caption = body.indexOf("class=\"caption\"");
        int problem = body.indexOf("class=\"problem\"");
        int at = caption >= 0 ? caption : Math.max(0, problem);
        String excerpt = body.substring(at, Math.min(body.length(), at + 300)).replaceAll("\\s+", " ");
        return new IllegalStateException("GET " + kind.path() + " (" + kind.label() + ") answered "
                + response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + ", not "
                + expected + "; the page says: " + excerpt);
    }

    @Override
    public void close() {
        http.close();
    }
}
