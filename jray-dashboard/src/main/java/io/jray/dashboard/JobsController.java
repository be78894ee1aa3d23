package io.jray.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.JobListing;
import io.jray.runtime.control.history.TaskHistory;

/**
 * The Jobs page ({@code /jray/jobs}): each driver's job, running or ended within the retention
 * time, with its owner node, start, duration, its tasks by state (as the history holds them) and
 * a link to its whole graph.
 */
@Controller
class JobsController {

    private static final int MAX_JOBS = 100;

    private final JRayNode node;
    private final TaskHistory history;

    private final DashboardReads reads;

    JobsController(JRayNode node, TaskHistory history, DashboardReads reads) {
        this.reads = reads;
        this.node = node;
        this.history = history;
    }

    @GetMapping("/jray/jobs")
    Mono<String> jobs(Model model) {
        model.addAttribute("page", "jobs");
        return Mono.fromCallable(this::rows).subscribeOn(reads.scheduler()).map(rows -> {
            model.addAttribute("jobs", rows);
            return "jray/jobs";
        });
    }

    private List<JobRow> rows() throws Exception {
        long now = System.currentTimeMillis();
        List<JobRow> rows = new ArrayList<>();
        for (JobListing.Job job : node.operations().jobs(MAX_JOBS)) {
            rows.add(JobRow.of(job, history.countsByState(job.id()), now));
        }
        return rows;
    }
}
