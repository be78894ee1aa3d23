package io.jray.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.history.HistoryEvent;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.core.ObjectId;

/**
 * The tasks page ({@code /jray/tasks}: the history, newest first, filtered by state, function,
 * node and job, paged; a search by id opens the task) and the task page ({@code /jray/task?id=job/task}),
 * whose state follows the event stream ({@code /jray/task/live}) and whose log is also served as
 * plain text ({@code /jray/task/log?id=}). Bad parameters get a 400 page
 * saying which and why; an unknown task a 404.
 */
@Controller
class TasksController {

    private final JRayNode node;
    private final TaskHistory history;
    private final TaskDetails details;
    private final LiveEvents live;

    private final DashboardReads reads;

    TasksController(JRayNode node, TaskHistory history, LiveEvents live, DashboardReads reads) {
        this.reads = reads;
        this.node = node;
        this.history = history;
        this.details = new TaskDetails(node, history);
        this.live = live;
    }

    @GetMapping("/jray/tasks")
    Mono<String> tasks(@RequestParam(required = false) String state, @RequestParam(required = false) String function,
            @RequestParam(name = "node", required = false) String nodeId, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String id,
            @RequestParam(required = false) String job, Model model,
            ServerHttpResponse response) {
        model.addAttribute("page", "tasks");
        if (id != null && !id.isBlank()) {
            return search(id.trim(), model, response);
        }
        TasksQuery query;
        try {
            query = TasksQuery.parse(state, function, nodeId, job, page, size);
        }
        catch (IllegalArgumentException e) {
            return problem(model, response, HttpStatus.BAD_REQUEST, e.getMessage(), "jray/tasks");
        }
        return Mono.fromCallable(() -> {
            long start = System.nanoTime();
            TaskHistory.Page rows = history.page(query.filter(), query.offset(), query.size());
            model.addAttribute("readMillis", (System.nanoTime() - start) / 1_000_000);
            model.addAttribute("counts", history.countsByState());
            TaskHistory.Seen seen = history.seen();
            model.addAttribute("functions", seen.functions());
            model.addAttribute("nodes", seen.nodes());
            model.addAttribute("rows", rows.rows().stream().map(TaskRow::of).toList());
            model.addAttribute("total", rows.total());
            return rows;
        }).subscribeOn(reads.scheduler()).map(rows -> {
            model.addAttribute("q", query);
            model.addAttribute("names", TaskStates.names());
            model.addAttribute("first", rows.rows().isEmpty() ? 0 : query.offset() + 1);
            model.addAttribute("last", query.offset() + rows.rows().size());
            model.addAttribute("previous", query.page() > 1 ? query.page(query.page() - 1) : null);
            model.addAttribute("next", query.offset() + rows.rows().size() < rows.total() ? query.page(query.page() + 1) : null);
            model.addAttribute("capacity", history.capacity());
            return "jray/tasks";
        }).onErrorResume(IllegalArgumentException.class,
                e -> problem(model, response, HttpStatus.BAD_REQUEST, e.getMessage(), "jray/tasks"));
    }

    @GetMapping("/jray/task")
    Mono<String> task(@RequestParam(required = false) String id, Model model, ServerHttpResponse response) {
        model.addAttribute("page", "tasks");
        ObjectId task;
        try {
            task = Params.taskId("id", id);
        }
        catch (IllegalArgumentException e) {
            return problem(model, response, HttpStatus.BAD_REQUEST, e.getMessage(), "jray/task");
        }
        return Mono.fromCallable(() -> Optional.ofNullable(details.read(task)))
                .subscribeOn(reads.scheduler()).flatMap(detail -> {
                    if (detail.isEmpty()) {
                        return problem(model, response, HttpStatus.NOT_FOUND, notFound(task), "jray/task");
                    }
                    model.addAttribute("t", detail.get());
                    return Mono.just("jray/task");
                });
    }

    /** The task's log as plain text, every attempt's, one line per entry. */
    @GetMapping(value = "/jray/task/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    Mono<String> taskLog(@RequestParam(required = false) String id, ServerHttpResponse response) {
        // why: the text is what a task printed; no browser may take it for a page or a script
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        ObjectId task;
        try {
            task = Params.taskId("id", id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return Mono.fromCallable(() -> details.log(task)).subscribeOn(reads.scheduler()).map(log -> {
            StringBuilder text = new StringBuilder();
            for (TaskLogView.Line line : log.lines()) {
                text.append(line.time()).append(' ').append(line.source());
                if (!line.fullLogger().isEmpty()) {
                    text.append(' ').append(line.fullLogger());
                }
                text.append(" | ").append(line.text()).append('\n');
            }
            return text.isEmpty() ? "Task " + task + " printed and logged nothing that is still kept.\n"
                    : text.toString();
        });
    }

    @GetMapping(value = "/jray/task/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Map<String, String>>> taskLive(@RequestParam("id") String id) {
        ObjectId task;
        try {
            task = Params.taskId("id", id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return live.events().flatMapIterable(batch -> batch).filter(e -> e.task().equals(task))
                .filter(HistoryEvent::isStateChange)
                .map(e -> {
                    Map<String, String> state = new LinkedHashMap<>();
                    state.put("state", e.state());
                    state.put("name", TaskStates.name(e.state()));
                    return ServerSentEvent.builder(state).event("state").build();
                })
                .mergeWith(Flux.interval(Duration.ofSeconds(15)).map(tick -> ServerSentEvent.<Map<String, String>>builder()
                        .comment("keep-alive").build()));
    }

    private Mono<String> search(String id, Model model, ServerHttpResponse response) {
        ObjectId task;
        try {
            task = Params.taskId("id", id);
        }
        catch (IllegalArgumentException e) {
            return problem(model, response, HttpStatus.BAD_REQUEST, e.getMessage(), "jray/tasks");
        }
        return Mono.fromCallable(() -> node.records().find(task) != null).subscribeOn(reads.scheduler())
                .flatMap(found -> {
                    if (!found) {
                        return problem(model, response, HttpStatus.NOT_FOUND, notFound(task), "jray/tasks");
                    }
                    return Mono.just("redirect:/jray/task?id=" + URLEncoder.encode(task.toString(), StandardCharsets.UTF_8));
                });
    }

    private static String notFound(ObjectId task) {
        return "Redis has no record of " + task + ": never submitted, or its retention time passed.";
    }

    private Mono<String> problem(Model model, ServerHttpResponse response, HttpStatus status, String problem, String view) {
        response.setStatusCode(status);
        model.addAttribute("problem", problem);
        return Mono.just(view);
    }
}
