package io.jray.dashboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.jray.dashboard.dag.DagDrawing;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.history.HistoryEvent;
import io.jray.runtime.control.history.TaskHistory;

/**
 * The dashboard's pages under {@code /jray}, rendered on the server from the cluster summary and
 * the task history (read off the event loop), and their live streams as Server-Sent Events, which
 * the pages' small script applies without a reload: {@code /jray/live}, the overview's figures, read
 * again at most once a second while the cluster's event stream brings task events (every 5 s
 * otherwise); {@code /jray/dag/live}, the states of a DAG's vertices as their events arrive.
 */
@Controller
class DashboardController {

    private static final Duration LIVE_EVERY = Duration.ofSeconds(1);
    private static final Duration RE_READ_EVERY = Duration.ofSeconds(5);
    private static final int MAX_ACTORS = 500;
    private static final int MAX_GRAPH = 5000;
    private static final int MAX_LARGEST = 10;

    private final JRayNode node;
    private final TaskHistory history;
    private final LiveEvents live;

    private final DashboardReads reads;

    DashboardController(JRayNode node, TaskHistory history, LiveEvents live, DashboardReads reads) {
        this.reads = reads;
        this.node = node;
        this.history = history;
        this.live = live;
    }

    @GetMapping({"/jray", "/jray/"})
    Mono<String> overview(Model model) {
        return overview().zipWith(Mono.fromCallable(this::activity).subscribeOn(reads.scheduler()))
                .map(both -> {
                    model.addAttribute("page", "overview");
                    model.addAttribute("o", both.getT1());
                    model.addAttribute("objects", ClusterOverview.bytes(both.getT1().objectBytes()) + " of "
                            + ClusterOverview.bytes(both.getT1().objectLimit()));
                    model.addAttribute("chart", Throughput.of(both.getT2().rate()));
                    model.addAttribute("counts", both.getT2().counts());
                    model.addAttribute("names", TaskStates.names());
                    return "jray/overview";
                });
    }

    @GetMapping("/jray/nodes")
    Mono<String> nodes(Model model) {
        return overview().map(overview -> {
            model.addAttribute("page", "nodes");
            model.addAttribute("nodes", overview.summary().nodes().stream().map(NodeRow::of).toList());
            return "jray/nodes";
        });
    }

    @GetMapping("/jray/objects")
    Mono<String> objects(Model model) {
        return overview().map(overview -> {
            model.addAttribute("page", "objects");
            model.addAttribute("stores", overview.summary().nodes().stream().map(StoreRow::of).toList());
            model.addAttribute("largest", LargeObjectRow.largest(overview.summary().nodes(), MAX_LARGEST));
            return "jray/objects";
        });
    }

    @GetMapping("/jray/dag")
    Mono<String> dag(@RequestParam(name = "task", required = false) String task,
            @RequestParam(name = "view", required = false) String view,
            @RequestParam(name = "job", required = false) String job,
            @RequestParam MultiValueMap<String, String> parameters, Model model, ServerHttpResponse response) {
        // why: a List parameter would split "add(int,int)@2" at its comma
        List<String> expand = parameters.get("expand");
        model.addAttribute("page", "dag");
        model.addAttribute("task", task == null ? "" : task);
        model.addAttribute("job", job == null ? "" : job);
        model.addAttribute("descendants", DagSource.DESCENDANTS.equals(view));
        DagSource source;
        try {
            source = DagSource.of(task, view, job);
        }
        catch (IllegalArgumentException e) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            return Mono.just("jray/dag");
        }
        if (source == null) {
            return Mono.just("jray/dag");
        }
        return Mono.fromCallable(() -> source.read(node, history, MAX_GRAPH)).subscribeOn(reads.scheduler())
                .map(graph -> {
                    if (graph.vertices().isEmpty()) {
                        response.setStatusCode(HttpStatus.NOT_FOUND);
                        model.addAttribute("problem", source.missing());
                    }
                    else {
                        Set<String> expanded = expand == null ? Set.of() : new LinkedHashSet<>(expand);
                        model.addAttribute("dag", DagDrawing.of(graph, expanded, DagLinks::task,
                                key -> DagLinks.expanded(source, expanded, key)));
                        model.addAttribute("collapseLinks", DagLinks.collapseLinks(source, expanded));
                        model.addAttribute("truncated", graph.truncated());
                        model.addAttribute("limit", MAX_GRAPH);
                    }
                    return "jray/dag";
                });
    }

    @GetMapping(value = "/jray/dag/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, String>>> dagLive(@RequestParam(name = "task", required = false) String task,
            @RequestParam(name = "view", required = false) String view,
            @RequestParam(name = "job", required = false) String job) {
        DagSource source;
        try {
            source = DagSource.of(task, view, job);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (source == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name a task (task=job/task) or a job (job=id)");
        }
        Flux<Map<String, String>> reread = Flux.interval(Duration.ZERO, RE_READ_EVERY).onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> source.read(node, history, MAX_GRAPH))
                        .subscribeOn(reads.scheduler()).onErrorResume(e -> Mono.empty()))
                .map(graph -> {
                    Map<String, String> states = new LinkedHashMap<>();
                    graph.vertices().forEach((id, vertex) -> states.put(id.toString(), vertex.state()));
                    return states;
                })
                .distinctUntilChanged();
        Flux<Map<String, String>> changes = live.events().map(batch -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (HistoryEvent event : batch) {
                if (event.isStateChange() && event.task().job().equals(source.jobId())) {
                    states.put(event.task().toString(), event.state());
                }
            }
            return states;
        }).filter(states -> !states.isEmpty());
        return Flux.merge(reread, changes).map(states -> ServerSentEvent.builder(states).event("states").build());
    }

    @GetMapping("/jray/actors")
    Mono<String> actors(Model model) {
        return Mono.fromCallable(() -> node.operations().actors(MAX_ACTORS)).subscribeOn(reads.scheduler())
                .map(actors -> {
                    model.addAttribute("page", "actors");
                    model.addAttribute("actors", actors);
                    model.addAttribute("limit", MAX_ACTORS);
                    return "jray/actors";
                });
    }

    @GetMapping(value = "/jray/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, Object>>> live() {
        return live.changes(LIVE_EVERY, RE_READ_EVERY)
                .concatMap(tick -> overview().zipWith(Mono.fromCallable(this::activity).subscribeOn(reads.scheduler()))
                        .map(both -> figures(both.getT1(), both.getT2()))
                        .onErrorResume(e -> Mono.just(Map.of("error", String.valueOf(e.getMessage())))))
                .map(figures -> ServerSentEvent.builder(figures).event("overview").build());
    }

    private Mono<ClusterOverview> overview() {
        return Mono.fromCallable(() -> ClusterOverview.of(node.operations().summary()))
                .subscribeOn(reads.scheduler());
    }

    /** What the history says of the last minutes: tasks by state, finished and failed per 10 s. */
    private Activity activity() throws Exception {
        return new Activity(history.countsByState(), history.throughput(Throughput.MINUTES, System.currentTimeMillis()));
    }

    private record Activity(Map<String, Long> counts, Map<Long, long[]> rate) {
    }

    private static Map<String, Object> figures(ClusterOverview o, Activity activity) {
        Map<String, Object> figures = new LinkedHashMap<>();
        activity.counts().forEach((state, count) -> figures.put("state-" + state, count));
        figures.put("rate", Throughput.counts(activity.rate()));
        figures.put("nodes", o.nodes());
        figures.put("workers", o.workers());
        figures.put("cpus", o.cpus());
        figures.put("freeCpus", o.freeCpus());
        figures.put("running", o.running());
        figures.put("queued", o.queued());
        figures.put("jobs", o.jobs());
        figures.put("actors", o.actors());
        figures.put("objects", ClusterOverview.bytes(o.objectBytes()) + " of " + ClusterOverview.bytes(o.objectLimit()));
        return figures;
    }
}
