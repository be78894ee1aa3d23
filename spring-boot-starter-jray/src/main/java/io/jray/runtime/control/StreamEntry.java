package io.jray.runtime.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One entry read from a Redis stream.
 *
 * @param stream the key of the stream
 * @param id the entry's id ({@code <ms>-<seq>})
 * @param body its fields; not copied, so do not change it
 */
public record StreamEntry(String stream, String id, Map<String, byte[]> body) {

    /** A field as text, or {@code null} when the entry lacks it. */
    public String text(String field) {
        byte[] value = body.get(field);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** When Redis appended it: the millisecond part of its id. */
    public long appendedAt() {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
