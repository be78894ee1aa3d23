package io.jray.runtime.serialization;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.jray.api.RemoteTaskException;

/**
 * An exception as it travels between nodes: type name, message, stack frames and cause chain, plus
 * where it happened. Encoded in jray's own format, so no exception class is ever deserialized.
 *
 * @param type the exception's class name
 * @param message its message, or {@code null}
 * @param stack its stack frames
 * @param cause its cause, or {@code null}
 * @param taskId the id ({@code job/object}) of the task that threw
 * @param function the function that task ran
 * @param node the node it ran on
 */
public record RemoteError(String type, String message, List<StackTraceElement> stack, RemoteError cause,
        String taskId, String function, String node) {

    private static final int MAX_CAUSES = 16;

    public static RemoteError of(Throwable t, String taskId, String function, String node) {
        return convert(t, taskId, function, node, new IdentityHashMap<>(), 0);
    }

    /** An error raised by jray itself rather than by user code. */
    public static RemoteError of(Class<? extends Throwable> type, String message, String taskId, String function,
            String node) {
        return new RemoteError(type.getName(), message, List.of(), null, taskId, function, node);
    }

    private static RemoteError convert(Throwable t, String taskId, String function, String node,
            Map<Throwable, Boolean> seen, int depth) {
        seen.put(t, Boolean.TRUE);
        Throwable c = t.getCause();
        RemoteError cause = (c == null || seen.containsKey(c) || depth >= MAX_CAUSES) ? null
                : convert(c, taskId, function, node, seen, depth + 1);
        String type = t instanceof RemoteTaskException r ? r.remoteType() : t.getClass().getName();
        String message = t instanceof RemoteTaskException r ? r.remoteMessage() : t.getMessage();
        return new RemoteError(type, message, List.of(t.getStackTrace()), cause, taskId, function, node);
    }

    public RemoteTaskException toException() {
        return new RemoteTaskException(type, message, stack.toArray(StackTraceElement[]::new),
                cause == null ? null : cause.toException());
    }

    /** The stack trace as {@link Throwable#printStackTrace()} would print it. */
    public String stackTraceText() {
        StringWriter out = new StringWriter();
        toException().printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter(256 + stack.size() * 64);
        w.writeByte(1).writeString(taskId).writeString(function).writeString(node);
        RemoteError e = this;
        while (e != null) {
            w.writeByte(1).writeString(e.type).writeString(e.message).writeVarLong(e.stack.size());
            for (StackTraceElement f : e.stack) {
                w.writeString(f.getClassName()).writeString(f.getMethodName()).writeString(f.getFileName())
                        .writeVarLong(f.getLineNumber() + 2L);
            }
            e = e.cause;
        }
        return w.writeByte(0).toByteArray();
    }

    public static RemoteError decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        if (r.readByte() != 1) {
            throw new IllegalArgumentException("unknown error encoding");
        }
        String taskId = r.readString();
        String function = r.readString();
        String node = r.readString();
        List<String[]> heads = new ArrayList<>();
        List<List<StackTraceElement>> stacks = new ArrayList<>();
        while (r.readByte() == 1) {
            heads.add(new String[] {r.readString(), r.readString()});
            int frames = r.readCount(4);
            List<StackTraceElement> stack = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                String cls = r.readString();
                String method = r.readString();
                String file = r.readString();
                stack.add(new StackTraceElement(cls, method, file, (int) r.readVarLong() - 2));
            }
            stacks.add(stack);
        }
        RemoteError error = null;
        for (int i = heads.size() - 1; i >= 0; i--) {
            error = new RemoteError(heads.get(i)[0], heads.get(i)[1], List.copyOf(stacks.get(i)), error, taskId,
                    function, node);
        }
        if (error == null) {
            throw new IllegalArgumentException("error encoding without an exception");
        }
        return error;
    }
}
