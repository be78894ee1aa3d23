package io.jray.it;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.jray.api.RemoteActor;
import io.jray.api.RemoteTask;

/** Remote functions that print and log, for task logs. */
@RemoteTask
public class Chatty {

    private static final Logger log = LoggerFactory.getLogger(Chatty.class);
    private static final AtomicInteger attempts = new AtomicInteger();

    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        attempts.set(0);
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Prints, then waits until the test releases it. */
    public int printsThenWaits(int n) throws InterruptedException {
        System.out.println("printed before the wait");
        started.countDown();
        release.await(30, TimeUnit.SECONDS);
        return n;
    }

    /** Prints to both streams, logs at INFO and WARN (with an exception) and from a thread of its own. */
    public int printsAndLogs(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            System.out.println("out line " + i);
        }
        System.err.println("err line\twith a tab");
        log.info("info {}", n);
        log.warn("warn with its exception", new IllegalStateException("boom"));
        Map<String, String> context = MDC.getCopyOfContextMap();
        Thread own = new Thread(() -> {
            MDC.setContextMap(context);
            log.info("from a thread of its own");
        });
        own.start();
        own.join();
        System.out.print("no newline at the end");
        return n;
    }

    /** Prints, then fails. */
    public int printsThenFails() {
        System.out.println("about to fail");
        throw new IllegalStateException("failed after printing");
    }

    /** Prints its attempt's number and fails until its {@code n}th attempt. */
    public int printsUntilAttempt(int n) {
        int attempt = attempts.incrementAndGet();
        System.out.println("this is attempt " + attempt);
        if (attempt < n) {
            throw new IllegalStateException("attempt " + attempt + " fails");
        }
        return attempt;
    }

    /** Prints {@code lines} numbered lines of about 40 bytes. */
    public int printsALot(int lines) {
        for (int i = 0; i < lines; i++) {
            System.out.println("line " + i + " of a task that prints a lot");
        }
        return lines;
    }

    /** Prints nothing at all. */
    public int quiet(int n) {
        return n;
    }

    /** An actor whose constructor and calls print. */
    @RemoteActor
    public static class Greeter {

        private final String greeting;

        public Greeter(String greeting) {
            System.out.println("greeter created with " + greeting);
            this.greeting = greeting;
        }

        public String greet(String name) {
            System.out.println("greeting " + name);
            return greeting + ", " + name;
        }
    }
}
