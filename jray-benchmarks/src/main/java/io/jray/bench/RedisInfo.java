package io.jray.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Redis counted: calls per command ({@code INFO commandstats}, which also counts the commands
 * run inside Lua scripts), its CPU time and its network bytes.
 *
 * @param calls calls by command name, such as {@code evalsha} or {@code config|resetstat}
 * @param cpuMicros user plus system CPU time of the server
 * @param netInputBytes bytes received from clients
 * @param netOutputBytes bytes sent to clients
 */
public record RedisInfo(Map<String, Long> calls, long cpuMicros, long netInputBytes, long netOutputBytes) {

    static RedisInfo parse(String info) {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String value = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(name, Long.parseLong(value.substring(0, value.indexOf(','))));
            }
        }
        long cpu = Math.round((Double.parseDouble(field(info, "used_cpu_user"))
                + Double.parseDouble(field(info, "used_cpu_sys"))) * 1e6);
        return new RedisInfo(calls, cpu, Long.parseLong(field(info, "total_net_input_bytes")),
                Long.parseLong(field(info, "total_net_output_bytes")));
    }

    /** What was counted between {@code before} and this, without the benchmark's own statistics calls. */
    public RedisInfo since(RedisInfo before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        calls.forEach((name, count) -> {
            long d = count - before.calls.getOrDefault(name, 0L);
            if (d > 0 && !name.equals("info") && !name.startsWith("config|")) {
                delta.put(name, d);
            }
        });
        return new RedisInfo(delta, cpuMicros - before.cpuMicros, netInputBytes - before.netInputBytes,
                netOutputBytes - before.netOutputBytes);
    }

    /** All calls counted, including those inside scripts. */
    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IllegalStateException("INFO has no field " + name);
    }
}
