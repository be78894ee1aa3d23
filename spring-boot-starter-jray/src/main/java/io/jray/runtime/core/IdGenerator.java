package io.jray.runtime.core;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Makes ids unique in the cluster without coordination: a random node prefix and a counter. */
public final class IdGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public IdGenerator(String prefix) {
        this.prefix = prefix;
    }

    /** A random id of {@code length} lowercase letters and digits, starting with a letter. */
    public static String random(int length) {
        char[] out = new char[length];
        out[0] = ALPHABET[10 + RANDOM.nextInt(26)];
        for (int i = 1; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public String next() {
        return prefix + "." + Long.toString(counter.incrementAndGet(), 36);
    }
}
