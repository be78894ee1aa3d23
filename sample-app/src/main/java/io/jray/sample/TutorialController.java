package io.jray.sample;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.jray.api.JRay;

/**
 * The tutorial over HTTP. Remote results arrive as futures, so a reactive endpoint never blocks
 * its event loop: {@code ObjectRef.toFuture()} becomes a {@link Mono}.
 */
@RestController
@RequestMapping("/tutorial")
public class TutorialController {

    private final JRay jray;
    private final TutorialExamples examples;

    public TutorialController(JRay jray, TutorialExamples examples) {
        this.jray = jray;
        this.examples = examples;
    }

    /** One slow {@code add} as a task. */
    @GetMapping("/add")
    public Mono<Map<String, Integer>> add(@RequestParam int a, @RequestParam int b) {
        return Mono.fromFuture(jray.task(Tutorial::add, a, b).remote().toFuture()).map(sum -> Map.of("sum", sum));
    }

    /** The first example: four one-second tasks at once. */
    @GetMapping("/parallel")
    public Mono<TutorialExamples.Timed<List<Integer>>> parallel() {
        return Mono.fromCallable(examples::parallelTasks).subscribeOn(Schedulers.boundedElastic());
    }

    /** The second example, on {@code n x n} matrices (at most 2000). */
    @GetMapping("/matrix")
    public Mono<Map<String, Object>> matrix(@RequestParam(defaultValue = "300") int n) {
        if (n < 1 || n > 2000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "n must be between 1 and 2000, was " + n);
        }
        return Mono.fromCallable(() -> examples.matrixProduct(n)).subscribeOn(Schedulers.boundedElastic())
                .map(timed -> Map.of("n", n, "trace", Matrices.trace(timed.value()[2]), "seconds", timed.seconds()));
    }

    /** The third example: 1..8 summed linearly and as a tree. */
    @GetMapping("/aggregate")
    public Mono<TutorialExamples.Aggregation> aggregate() {
        return Mono.fromCallable(examples::aggregation).subscribeOn(Schedulers.boundedElastic());
    }
}
