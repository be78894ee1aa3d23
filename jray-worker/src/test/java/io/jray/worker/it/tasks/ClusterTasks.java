package io.jray.worker.it.tasks;

import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jray.api.RemoteTask;

/** The remote functions the cluster tests run on worker JVMs (and on the test JVM). */
@RemoteTask
public class ClusterTasks {

    private static final Logger log = LoggerFactory.getLogger(ClusterTasks.class);

    public int slow(int i) throws InterruptedException {
        Thread.sleep(1000);
        return i;
    }

    public double[][] createMatrix(int n, long seed) {
        Random random = new Random(seed);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    public double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    public int add(int a, int b) throws InterruptedException {
        Thread.sleep(50);
        return a + b;
    }

    public int work(int i) throws InterruptedException {
        Thread.sleep(5);
        return i;
    }

    public int explode(String message) {
        throw new IllegalArgumentException(message);
    }

    public String describe(Object value) {
        return String.valueOf(value);
    }

    public int twice(int x) {
        return 2 * x;
    }

    /** Upper-cases a text, telling so on System.out and through SLF4J. */
    public String shout(String text) {
        System.out.println("shouting " + text);
        log.info("shouted {} characters", text.length());
        return text.toUpperCase(java.util.Locale.ROOT);
    }
}
