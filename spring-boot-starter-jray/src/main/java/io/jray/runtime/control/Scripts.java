package io.jray.runtime.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;

import io.jray.runtime.control.redis.LuaScript;
import io.jray.runtime.control.redis.RedisLink;

/**
 * The control plane's Lua scripts and how they are called: by SHA1, with the job's key prefix (and
 * the event stream while a dashboard listens) as their keys. Each script is {@code lib.lua} followed by
 * its own text, with the schema's names written in ({@link ScriptSchema}).
 */
final class Scripts {

    private static final String LIB = "lib.lua";

    final LuaScript submit = script("submit.lua");
    final LuaScript complete = script("complete.lua");
    final LuaScript subscribe = script("subscribe.lua");
    final LuaScript cancel = script("cancel.lua");
    final LuaScript reap = script("reap.lua");
    final LuaScript endJob = script("end-job.lua");
    final LuaScript beat = ScriptSchema.load(ControlPlane.class, "beat.lua");
    final LuaScript killActor = script("kill-actor.lua");
    final LuaScript reapActor = script("reap-actor.lua");
    final LuaScript fetch = script("fetch.lua");
    final LuaScript locations = script("locations.lua");
    final LuaScript rebuild = script("rebuild.lua");
    final LuaScript release = script("release.lua");
    final LuaScript drain = script("drain.lua");

    private final RedisLink redis;
    private final Keys keys;
    private volatile boolean recordingEvents;

    Scripts(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private static LuaScript script(String name) {
        return ScriptSchema.load(ControlPlane.class, name, LIB);
    }

    /** Loads every script, so later calls go by SHA1. */
    void loadAll() {
        for (LuaScript script : List.of(submit, complete, subscribe, cancel, reap, endJob, beat, killActor, reapActor,
                fetch, locations, rebuild, release, drain)) {
            redis.sync().scriptLoad(script.source().getBytes(StandardCharsets.UTF_8));
        }
    }

    void recordEvents(boolean record) {
        this.recordingEvents = record;
    }

    /** Calls a script of one job. */
    <T> java.util.concurrent.CompletableFuture<T> eval(LuaScript script, String job, List<byte[]> args,
            ScriptOutputType type) {
        String[] scriptKeys = recordingEvents ? new String[] {keys.job(job), keys.events()}
                : new String[] {keys.job(job)};
        return script.eval(redis.async(), type, scriptKeys, args.toArray(byte[][]::new));
    }

    static List<byte[]> header(String... values) {
        List<byte[]> args = new ArrayList<>();
        for (String value : values) {
            args.add(b(value));
        }
        return args;
    }

    static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    static byte[] b(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
