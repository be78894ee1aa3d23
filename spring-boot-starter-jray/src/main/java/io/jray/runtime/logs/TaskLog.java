package io.jray.runtime.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task printed and logged, in the order it happened, as kept in Redis: one line per
 * entry, {@code <epoch ms> TAB <source code> TAB <logger> TAB <text>}, with tabs, newlines and
 * backslashes in the text escaped. Reading is lenient: a line that does not parse (a record
 * written by hand, or cut) becomes a {@link Source#NOTE} saying so, never an exception.
 *
 * @param entries the entries, oldest first
 */
public record TaskLog(List<Entry> entries) {

    /** The empty log. */
    public static final TaskLog EMPTY = new TaskLog(List.of());

    public TaskLog {
        entries = List.copyOf(entries);
    }

    /** Where an entry came from. */
    public enum Source {
        /** A line written to {@code System.out}. */
        OUT('O'),
        /** A line written to {@code System.err}. */
        ERR('E'),
        /** An SLF4J event at TRACE. */
        TRACE('t'),
        /** An SLF4J event at DEBUG. */
        DEBUG('d'),
        /** An SLF4J event at INFO. */
        INFO('i'),
        /** An SLF4J event at WARN. */
        WARN('w'),
        /** An SLF4J event at ERROR. */
        ERROR('e'),
        /** The start of an attempt: its number and node. */
        ATTEMPT('A'),
        /** What jray says about the log itself: lines left out, an unreadable line. */
        NOTE('N');

        private final char code;

        Source(char code) {
            this.code = code;
        }

        static Source of(char code) {
            for (Source s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            return null;
        }

        /** Whether this is a line an operator looks at first (stderr, WARN, ERROR). */
        public boolean alarming() {
            return this == ERR || this == WARN || this == ERROR;
        }
    }

    /**
     * One line or event.
     *
     * @param at when it was written, epoch ms
     * @param source where it came from
     * @param logger the logger's name for an SLF4J event, else empty
     * @param text the line (an event's message, with its exception's stack trace)
     */
    public record Entry(long at, Source source, String logger, String text) {

        public Entry {
            logger = logger == null ? "" : logger;
            text = text == null ? "" : text;
        }
    }

    /** Whether nothing was printed or logged. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries written by the task itself, without jray's attempt markers and notes. */
    public long lines() {
        return entries.stream().filter(e -> e.source() != Source.ATTEMPT && e.source() != Source.NOTE).count();
    }

    /** This log as stored. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(e.at()).append('\t').append(e.source().code).append('\t');
            escape(e.logger(), out);
            out.append('\t');
            escape(e.text(), out);
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a stored log (several attempts' logs may follow each other); {@code null} reads as empty. */
    public static TaskLog decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return EMPTY;
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                entries.add(parse(line));
            }
        }
        return new TaskLog(entries);
    }

    private static Entry parse(String line) {
        String[] fields = line.split("\t", 4);
        if (fields.length == 4 && fields[1].length() == 1 && Source.of(fields[1].charAt(0)) != null) {
            try {
                return new Entry(Long.parseLong(fields[0]), Source.of(fields[1].charAt(0)), unescape(fields[2]),
                        unescape(fields[3]));
            }
            catch (NumberFormatException e) {
                // why: falls through to the note below, which shows the line as it is
            }
        }
        return new Entry(0, Source.NOTE, "", "unreadable log line: " + line);
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
