package io.jray.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import io.jray.dashboard.timeline.ChromeTrace;
import io.jray.dashboard.timeline.Timeline;
import io.jray.dashboard.timeline.TimelineDrawing;
import io.jray.runtime.control.history.HistoryFilter;
import io.jray.runtime.control.history.TaskHistory;

/**
 * The timeline ({@code /jray/timeline?minutes=10}): the task runs of the last minutes per node and
 * lane, from the history (its newest {@value #MAX_TASKS} tasks), and the same as Chrome trace JSON
 * ({@code /jray/timeline.json}) for Perfetto or {@code chrome://tracing}.
 */
@Controller
class TimelineController {

    static final int MAX_TASKS = 5000;
    private static final int MAX_MINUTES = 60;

    private final TaskHistory history;

    private final DashboardReads reads;

    TimelineController(TaskHistory history, DashboardReads reads) {
        this.reads = reads;
        this.history = history;
    }

    @GetMapping("/jray/timeline")
    Mono<String> timeline(@RequestParam(required = false) String minutes, Model model, ServerHttpResponse response) {
        model.addAttribute("page", "timeline");
        int window;
        try {
            window = minutes(minutes);
        }
        catch (IllegalArgumentException e) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("minutes", 10);
            return Mono.just("jray/timeline");
        }
        model.addAttribute("minutes", window);
        return read(window).map(timeline -> {
            model.addAttribute("timeline", TimelineDrawing.of(timeline.fitted(), DagLinks::task));
            model.addAttribute("runs", timeline.runs());
            return "jray/timeline";
        });
    }

    @GetMapping(value = "/jray/timeline.json", produces = "application/json")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> trace(@RequestParam(required = false) String minutes) {
        int window;
        try {
            window = minutes(minutes);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return read(window).map(timeline -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"jray-timeline.json\"")
                .body(ChromeTrace.of(timeline)));
    }

    private Mono<Timeline> read(int minutes) {
        return Mono.fromCallable(() -> {
            long to = System.currentTimeMillis();
            long from = to - minutes * 60_000L;
            List<TaskHistory.Row> rows = new ArrayList<>();
            for (int offset = 0; offset < MAX_TASKS; offset += TaskHistory.MAX_PAGE) {
                TaskHistory.Page page = history.page(HistoryFilter.ALL, offset, TaskHistory.MAX_PAGE);
                rows.addAll(page.rows());
                if (page.rows().size() < TaskHistory.MAX_PAGE
                        || page.rows().getLast().submittedAt() < from - minutes * 60_000L) {
                    break;
                }
            }
            return Timeline.of(rows, from, to);
        }).subscribeOn(reads.scheduler());
    }

    private static int minutes(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            if (minutes >= 1 && minutes <= MAX_MINUTES) {
                return minutes;
            }
        }
        catch (NumberFormatException e) {
            // why: answered below with the accepted range
        }
        throw new IllegalArgumentException("minutes must be a whole number from 1 to " + MAX_MINUTES + ", was '"
                + (value.length() > 20 ? value.substring(0, 20) : value) + "'");
    }
}
