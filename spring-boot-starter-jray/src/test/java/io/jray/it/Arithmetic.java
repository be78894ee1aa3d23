package io.jray.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.RemoteTask;

/** Remote functions used by the single-node integration tests. */
@RemoteTask
public class Arithmetic {

    private final JRay jray;

    public Arithmetic(JRay jray) {
        this.jray = jray;
    }

    public int add(int a, int b) {
        return a + b;
    }

    public int square(int x) {
        return x * x;
    }

    public long sleepAndReturn(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    public int fail(String message) {
        throw new IllegalStateException(message);
    }

    public int failIfNegative(int x) {
        if (x < 0) {
            throw new IllegalArgumentException("negative: " + x);
        }
        return x;
    }

    public String echo(String text) {
        return text;
    }

    public int length(byte[] data) {
        return data.length;
    }

    public Point move(Point p, int dx) {
        return new Point(p.x() + dx, p.y());
    }

    public Mono<Integer> monoSquare(int x) {
        return Mono.fromSupplier(() -> x * x);
    }

    public CompletableFuture<Integer> asyncSquare(int x) {
        return CompletableFuture.completedFuture(x * x);
    }

    public void nothing() {
    }

    /** A task that fans out into nested tasks and waits for them: needs its CPU given back. */
    public int sumOfSquares(int n) {
        List<ObjectRef<Integer>> refs = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(jray.task(Arithmetic::square, i).remote());
        }
        return jray.get(refs).stream().mapToInt(Integer::intValue).sum();
    }

    public Object anything(Object value) {
        return value;
    }

    /** A record registered through the method signature. */
    public record Point(int x, int y) {
    }
}
