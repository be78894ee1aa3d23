package io.jray.runtime.control.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * A Lua script sent by its SHA1. When Redis does not know it (after a restart or SCRIPT FLUSH),
 * the script is loaded and the call sent once more.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /**
     * Loads a script from the classpath, prefixed with the library scripts given, and passes its text
     * through {@code expand} (which writes in the names a schema defines) before it is sent.
     */
    public static LuaScript fromClasspath(UnaryOperator<String> expand, Class<?> anchor, String name,
            String... libraries) {
        StringBuilder text = new StringBuilder();
        for (String library : libraries) {
            text.append(read(anchor, library)).append('\n');
        }
        text.append(read(anchor, name));
        return new LuaScript(name, expand.apply(text.toString()));
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** Evaluates the script; a NOSCRIPT reply makes it load the script and retry. */
    public <T> CompletableFuture<T> eval(RedisAsyncCommands<String, byte[]> redis, ScriptOutputType type,
            String[] keys, byte[]... args) {
        CompletableFuture<T> first = redis.<T>evalsha(sha, type, keys, args).toCompletableFuture();
        return first.exceptionallyCompose(error -> {
            String message = String.valueOf(error.getMessage());
            if (message.contains("NOSCRIPT")) {
                return redis.<T>eval(source.getBytes(StandardCharsets.UTF_8), type, keys, args).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    private static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream("scripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("script " + name + " not found next to " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
