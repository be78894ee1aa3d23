package io.jray.sample;

/** Plain matrix arithmetic, also used to check the distributed result. */
public final class Matrices {

    private Matrices() {
    }

    /** {@code a x b}, row by row so the inner loop reads memory in order. */
    public static double[][] multiply(double[][] a, double[][] b) {
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

    public static double trace(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += m[i][i];
        }
        return sum;
    }
}
