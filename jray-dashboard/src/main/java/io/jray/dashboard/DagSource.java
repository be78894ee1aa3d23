package io.jray.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.control.history.HistoryFilter;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.core.ObjectId;

/**
 * What the DAG page draws: the graph ending in a task, what grew from it ({@code view=descendants}),
 * or a whole job ({@code job=<id>}), from the page's parameters.
 *
 * @param end the task, or {@code null} for a job
 * @param descendants whether what grew from the task is drawn
 * @param job the job, or {@code null} for a task's graph
 */
record DagSource(ObjectId end, boolean descendants, String job) {

    static final String ANCESTORS = "ancestors";
    static final String DESCENDANTS = "descendants";

    /**
     * Reads the parameters; {@code null} when neither a task nor a job is given.
     *
     * @throws IllegalArgumentException naming the parameter at fault
     */
    static DagSource of(String task, String view, String job) {
        boolean grown = descendants(view);
        if (task != null && !task.isBlank()) {
            return new DagSource(Params.taskId("task", task), grown, null);
        }
        if (job != null && !job.isBlank()) {
            if (!job.trim().matches("[A-Za-z0-9]{1,40}")) {
                throw new IllegalArgumentException("job must be a job id (letters and digits), was '"
                        + (job.length() > 40 ? job.substring(0, 40) + "..." : job) + "'");
            }
            return new DagSource(null, false, job.trim());
        }
        return null;
    }

    /** The job whose tasks are drawn. */
    String jobId() {
        return job != null ? job : end.job();
    }

    TaskGraph.Graph read(JRayNode node, TaskHistory history, int limit) throws Exception {
        if (job != null) {
            return node.operations().jobGraph(job, limit, inHistory(job, history, limit));
        }
        if (!descendants) {
            return node.operations().graph(end, limit);
        }
        List<ObjectId> grown = Descendants.of(end, history, limit);
        return Descendants.only(node.operations().graph(grown, limit), grown);
    }

    /**
     * The job's tasks in the history, newest first, at most {@code limit}: with the job's records
     * they name every task, those whose record left the job's index when their value was freed too.
     */
    private static List<ObjectId> inHistory(String job, TaskHistory history, int limit) throws Exception {
        List<ObjectId> ids = new ArrayList<>();
        HistoryFilter ofJob = new HistoryFilter(null, null, null, job);
        for (int offset = 0; ids.size() < limit; offset += TaskHistory.MAX_PAGE) {
            TaskHistory.Page page = history.page(ofJob, offset, TaskHistory.MAX_PAGE);
            page.rows().forEach(row -> ids.add(row.id()));
            if (page.rows().size() < TaskHistory.MAX_PAGE || offset + TaskHistory.MAX_PAGE >= page.total()
                    || offset + TaskHistory.MAX_PAGE > history.capacity()) {
                break;
            }
        }
        return ids.size() > limit ? ids.subList(0, limit) : ids;
    }

    /** What a 404 says. */
    String missing() {
        return job != null ? "Redis has no record of a task of job " + job + ": it has none yet, or its retention time passed."
                : "Redis has no record of " + end + ": never submitted, or its retention time passed.";
    }

    /** The page's parameters that name this graph, for its links. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (job != null) {
            parameters.put("job", job);
        }
        else {
            parameters.put("task", end.toString());
            if (descendants) {
                parameters.put("view", DESCENDANTS);
            }
        }
        return parameters;
    }

    /** Whether the DAG parameter {@code view} asks for descendants; refuses a view it does not know. */
    private static boolean descendants(String view) {
        if (view == null || view.isBlank() || ANCESTORS.equals(view)) {
            return false;
        }
        if (DESCENDANTS.equals(view)) {
            return true;
        }
        throw new IllegalArgumentException("view must be '" + ANCESTORS + "' (the graph ending in the task) or '"
                + DESCENDANTS + "' (what grew from it), was '" + (view.length() > 40 ? view.substring(0, 40) : view) + "'");
    }
}
