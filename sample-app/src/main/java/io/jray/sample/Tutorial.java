package io.jray.sample;

import java.util.concurrent.ThreadLocalRandom;

import io.jray.api.RemoteTask;

/** The remote functions of Ray's tutorial, as methods of a bean. */
@RemoteTask
public class Tutorial {

    /** The tutorial's {@code f}: takes a second, returns its argument. */
    public int slow(int i) throws InterruptedException {
        Thread.sleep(1000);
        return i;
    }

    /** A random {@code n x n} matrix. */
    public double[][] createMatrix(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    /** The product of two square matrices. */
    public double[][] multiply(double[][] a, double[][] b) {
        return Matrices.multiply(a, b);
    }

    /** Adds two numbers, slowly: one second, as in the tutorial. */
    public int add(int a, int b) throws InterruptedException {
        Thread.sleep(1000);
        return a + b;
    }
}
