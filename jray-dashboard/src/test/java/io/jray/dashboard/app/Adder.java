package io.jray.dashboard.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jray.api.RemoteTask;

/** The tutorial's add, for drawing its aggregations. */
@RemoteTask
public class Adder {

    private static final Logger log = LoggerFactory.getLogger(Adder.class);

    public int add(int a, int b) {
        return a + b;
    }

    /** One, once its argument is there: counts the tasks it follows. */
    public int one(long ignored) {
        return 1;
    }

    public int fail(String why) {
        throw new IllegalStateException(why);
    }

    /** Counts the words of a text, telling what it does on both streams and through SLF4J, and fails on none. */
    public int countLoudly(String text) {
        System.out.println("counting the words of '" + text + "'");
        String[] words = text.isBlank() ? new String[0] : text.trim().split("\\s+");
        for (String word : words) {
            System.out.println("word: " + word);
        }
        if (words.length == 0) {
            System.err.println("nothing to count");
            log.error("giving up on an empty text", new IllegalArgumentException("empty text"));
            throw new IllegalArgumentException("no words in '" + text + "'");
        }
        log.info("counted {} words", words.length);
        return words.length;
    }
}
