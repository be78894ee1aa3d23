package io.jray.bench.tasks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ThreadLocalRandom;

import io.jray.api.RemoteTask;

/**
 * The object suite's remote functions: values of a given size to be read by the driver, and the
 * tutorial's matrix multiply. Each array carries {@code mark} in its first and last element, so a
 * reader can check it got the value it asked for without reading it all.
 */
@RemoteTask
public class BenchObjects {

    /** A new {@code byte[]} of {@code bytes} bytes. */
    public byte[] bytes(int bytes, byte mark) {
        byte[] value = new byte[bytes];
        value[0] = mark;
        value[bytes - 1] = mark;
        return value;
    }

    /** A new {@code double[]} of {@code bytes} bytes. */
    public double[] doubles(int bytes, double mark) {
        double[] value = new double[bytes / Double.BYTES];
        value[0] = mark;
        value[value.length - 1] = mark;
        return value;
    }

    /** A new off-heap segment of {@code bytes} bytes (readers get a zero-copy view of the stored copy). */
    public MemorySegment segment(int bytes, byte mark) {
        MemorySegment value = Arena.ofAuto().allocate(bytes);
        value.set(ValueLayout.JAVA_BYTE, 0, mark);
        value.set(ValueLayout.JAVA_BYTE, bytes - 1, mark);
        return value;
    }

    /** The tutorial's random {@code n x n} matrix. */
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

    /** The tutorial's product of two square matrices, row by row so the inner loop reads memory in order. */
    public double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }
}
