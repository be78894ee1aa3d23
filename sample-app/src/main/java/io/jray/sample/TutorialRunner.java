package io.jray.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Runs the tutorial at start-up and prints what each example computed and how long it took. */
@Component
@ConditionalOnBooleanProperty(name = "sample.tutorial.enabled", matchIfMissing = true)
public class TutorialRunner implements ApplicationRunner {

    private final TutorialExamples examples;
    private final SampleProperties properties;
    private final ConfigurableApplicationContext context;

    public TutorialRunner(TutorialExamples examples, SampleProperties properties, ConfigurableApplicationContext context) {
        this.examples = examples;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        print("%n== jray: Ray's tutorial in Java ==%n");

        print("%n1. Parallelism with tasks: four calls of a 1-second function%n");
        TutorialExamples.Timed<List<Integer>> parallel = examples.parallelTasks();
        print("   results %s in %.2f s (one after another: 4 s)%n", parallel.value(), parallel.seconds());

        int n = properties.getTutorial().getMatrixSize();
        print("%n2. Task dependencies: two %dx%d matrices, then their product%n", n, n);
        TutorialExamples.Timed<double[][][]> matrices = examples.matrixProduct(n);
        double[][] product = matrices.value()[2];
        double[][] local = Matrices.multiply(matrices.value()[0], matrices.value()[1]);
        print("   product %dx%d, trace %.4f (the same product computed here: %s), in %.2f s%n", product.length,
                product[0].length, Matrices.trace(product),
                Arrays.deepEquals(product, local) ? "equal" : "DIFFERENT", matrices.seconds());

        print("%n3. Aggregating values: 1..8 with a 1-second add%n");
        TutorialExamples.Aggregation sums = examples.aggregation();
        print("   linear, depth 7: %d in %.2f s (its DAG: /jray/dag?task=%s)%n", sums.linearSum(), sums.linearSeconds(),
                sums.linearTask());
        print("   tree,   depth 3: %d in %.2f s (its DAG: /jray/dag?task=%s)%n", sums.treeSum(), sums.treeSeconds(),
                sums.treeTask());
        print("   every task so far, newest first: /jray/tasks%n");

        print("%n4. From classes to actors: ten increments of one Counter%n");
        TutorialExamples.Timed<Integer> counter = examples.counter();
        print("   counter value %d in %.2f s%n", counter.value(), counter.seconds());

        print("%n5. Actor handles: three producer tasks add messages to one MessageActor%n");
        TutorialExamples.Messages messages = examples.messages(5, 200);
        for (List<String> batch : messages.batches()) {
            print("   new messages: %s%n", batch);
        }
        print("   received %d messages from 3 producers in %.2f s%n%n", messages.total(), messages.seconds());

        if (properties.getTutorial().isExit()) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
