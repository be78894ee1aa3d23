package io.jray.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import io.jray.runtime.control.history.HistoryFilter;
import io.jray.runtime.control.history.TaskHistory;

/**
 * The parameters of a tasks page, checked, and the links to its neighbours: other states, other
 * pages. Bad values raise {@link IllegalArgumentException} naming the parameter.
 *
 * @param filter state, function, node and job
 * @param page the page number, from 1
 * @param size rows per page
 */
record TasksQuery(HistoryFilter filter, int page, int size) {

    static final int DEFAULT_SIZE = 50;

    static TasksQuery parse(String state, String function, String node, String job, String page, String size) {
        return new TasksQuery(new HistoryFilter(state, function, node, job), number("page", page, 1, 1, 100_000),
                number("size", size, DEFAULT_SIZE, 1, TaskHistory.MAX_PAGE));
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** This query for another state ({@code null}: any), from its first page. */
    public String withState(String state) {
        return link(state, filter.function(), filter.node(), filter.job(), 1);
    }

    /** This query for every job, from its first page. */
    public String allJobs() {
        return link(filter.state(), filter.function(), filter.node(), null, 1);
    }

    /** This query's page {@code n}. */
    public String page(int n) {
        return link(filter.state(), filter.function(), filter.node(), filter.job(), n);
    }

    private String link(String state, String function, String node, String job, int n) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "state", state);
        add(query, "function", function);
        add(query, "node", node);
        add(query, "job", job);
        if (n > 1) {
            query.add("page=" + n);
        }
        if (size != DEFAULT_SIZE) {
            query.add("size=" + size);
        }
        return "/jray/tasks" + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        }
        catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n >= min && n <= max) {
            return n;
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}
