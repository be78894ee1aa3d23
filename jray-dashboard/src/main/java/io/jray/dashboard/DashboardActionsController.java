package io.jray.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.jray.runtime.JRayNode;
import io.jray.runtime.core.ObjectId;

/**
 * The dashboard's write actions, form posts that answer with a redirect to the page they came
 * from: cancel a task, kill an actor, drain a node. They are refused (403, with the setting to
 * change) unless {@code jray.dashboard.write-actions=true}; with Spring Security they also need
 * its user and CSRF token, like any post. Bad ids get a 400 and unknown ones a 404, with the reason.
 */
@Controller
class DashboardActionsController {

    private final JRayNode node;
    private final boolean enabled;

    private final DashboardReads reads;

    DashboardActionsController(JRayNode node, boolean enabled, DashboardReads reads) {
        this.reads = reads;
        this.node = node;
        this.enabled = enabled;
    }

    @PostMapping("/jray/task/cancel")
    Mono<String> cancel(ServerWebExchange exchange, Model model) {
        return act(exchange, model, "id", id -> {
            ObjectId task = Params.objectId("id", id);
            node.operations().cancel(task);
            return "redirect:/jray/task?id=" + URLEncoder.encode(task.toString(), StandardCharsets.UTF_8);
        });
    }

    @PostMapping("/jray/actors/kill")
    Mono<String> kill(ServerWebExchange exchange, Model model) {
        return act(exchange, model, "id", id -> {
            node.operations().kill(Params.objectId("id", id));
            return "redirect:/jray/actors";
        });
    }

    @PostMapping("/jray/nodes/drain")
    Mono<String> drain(ServerWebExchange exchange, Model model) {
        return act(exchange, model, "node", id -> {
            if (id.isBlank() || !node.operations().drain(id)) {
                throw new Unknown("no live node has the id '" + id + "'");
            }
            return "redirect:/jray/nodes";
        });
    }

    /** An action on the form field {@code field}, once the switch and the input are checked. */
    private Mono<String> act(ServerWebExchange exchange, Model model, String field, Action action) {
        model.addAttribute("page", "action");
        ServerHttpResponse response = exchange.getResponse();
        if (!enabled) {
            return problem(model, response, HttpStatus.FORBIDDEN, "Write actions are off: this dashboard is read-only. "
                    + "Set jray.dashboard.write-actions=true to cancel tasks, kill actors and drain nodes from it.");
        }
        return exchange.getFormData().map(form -> form.getFirst(field) == null ? "" : form.getFirst(field).trim())
                .flatMap(value -> Mono.fromCallable((Callable<String>) () -> action.run(value))
                        .subscribeOn(reads.scheduler()))
                .onErrorResume(Unknown.class, e -> problem(model, response, HttpStatus.NOT_FOUND, e.getMessage()))
                .onErrorResume(IllegalArgumentException.class,
                        e -> problem(model, response, HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    private static Mono<String> problem(Model model, ServerHttpResponse response, HttpStatus status, String problem) {
        response.setStatusCode(status);
        model.addAttribute("problem", problem);
        return Mono.just("jray/problem");
    }

    private interface Action {
        String run(String value) throws Exception;
    }

    /** An id that names nothing live. */
    private static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message);
        }
    }
}
