package io.jray.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;

import org.springframework.stereotype.Component;

/** The first three examples of Ray's tutorial, each returning what it computed and how long it took. */
@Component
public class TutorialExamples {

    /** A result and the wall time it took, in seconds. */
    public record Timed<T>(T value, double seconds) {
    }

    /** What the aggregation example computed. */
    public record Aggregation(int linearSum, double linearSeconds, String linearTask, int treeSum, double treeSeconds,
            String treeTask) {
    }

    /** The batches of messages the main loop took from the message actor, in order. */
    public record Messages(List<List<String>> batches, double seconds) {

        public int total() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    private final JRay jray;

    public TutorialExamples(JRay jray) {
        this.jray = jray;
    }

    /** Four one-second tasks at once: about one second in all, given four CPUs. */
    public Timed<List<Integer>> parallelTasks() {
        long start = System.nanoTime();
        List<ObjectRef<Integer>> refs = IntStream.range(0, 4)
                .mapToObj(i -> jray.task(Tutorial::slow, i).remote()).toList();
        return new Timed<>(jray.get(refs), seconds(start));
    }

    /** Two matrices made in parallel; the product waits for both and receives their values. */
    public Timed<double[][][]> matrixProduct(int n) {
        long start = System.nanoTime();
        ObjectRef<double[][]> x = jray.task(Tutorial::createMatrix, n).remote();
        ObjectRef<double[][]> y = jray.task(Tutorial::createMatrix, n).remote();
        ObjectRef<double[][]> z = jray.task(Tutorial::multiply, x, y).remote();
        double[][] product = z.get();
        return new Timed<>(new double[][][] {x.get(), y.get(), product}, seconds(start));
    }

    /** 1..8 summed with a slow add: linearly (depth 7) and as a tree (depth 3). */
    public Aggregation aggregation() {
        long start = System.nanoTime();
        ObjectRef<Integer> linear = sum(false);
        int linearSum = linear.get();
        double linearSeconds = seconds(start);
        start = System.nanoTime();
        ObjectRef<Integer> tree = sum(true);
        int treeSum = tree.get();
        return new Aggregation(linearSum, linearSeconds, linear.id(), treeSum, seconds(start), tree.id());
    }

    /** An actor: ten increments on one instance, then its value. */
    public Timed<Integer> counter() {
        long start = System.nanoTime();
        ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
        for (int i = 0; i < 10; i++) {
            counter.task(Counter::increment).remote();
        }
        return new Timed<>(counter.task(Counter::value).remote().get(), seconds(start));
    }

    /**
     * Actor handles: three producer tasks add messages through the handle they were given, while
     * this loop takes what has arrived until all of them have.
     */
    public Messages messages(int perProducer, long pauseMillis) throws InterruptedException {
        long start = System.nanoTime();
        ActorHandle<MessageActor> actor = jray.actor(MessageActor.class).remote();
        List<ObjectRef<Void>> producers = IntStream.range(0, 3)
                .mapToObj(j -> jray.task(Producers::produce, actor, j, perProducer, pauseMillis).remote()).toList();
        List<List<String>> batches = new ArrayList<>();
        int received = 0;
        while (received < 3 * perProducer) {
            Thread.sleep(pauseMillis);
            List<String> batch = actor.task(MessageActor::getAndClear).remote().get();
            if (!batch.isEmpty()) {
                batches.add(batch);
                received += batch.size();
            }
        }
        jray.get(producers);
        jray.kill(actor);
        return new Messages(batches, seconds(start));
    }

    private ObjectRef<Integer> sum(boolean tree) {
        Deque<ObjectRef<Integer>> queue = new ArrayDeque<>();
        for (int i = 1; i <= 8; i++) {
            queue.add(jray.put(i));
        }
        while (queue.size() > 1) {
            ObjectRef<Integer> sum = jray.task(Tutorial::add, queue.pollFirst(), queue.pollFirst()).remote();
            if (tree) {
                queue.addLast(sum);
            }
            else {
                queue.addFirst(sum);
            }
        }
        return queue.getFirst();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
