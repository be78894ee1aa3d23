package io.jray.runtime.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.NodeField;
import io.jray.runtime.core.Resources;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.function.RegisteredFunction;

/**
 * Which nodes can run which remote functions. Each node publishes the set of its functions once, under
 * a name that is the digest of its content ({@code ns:fns:<digest>}, shared by every node of one
 * version of an application), and names that digest in its registration ({@code fns}). A worker that
 * reads a task it has no function for asks here whether a live node has it: then the task goes back
 * to its queue for that node instead of failing.
 */
public final class FunctionDirectory {

    /** The registration field naming the digest of a node's functions. */
    public static final String FIELD = NodeField.FUNCTIONS.code();


    private final ControlPlane control;
    private final String node;
    private final FunctionRegistry functions;
    private volatile String digest = "";
    /** Answers for (digest, function): a published set never changes. */
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public FunctionDirectory(ControlPlane control, String node, FunctionRegistry functions) {
        this.control = control;
        this.node = node;
        this.functions = functions;
    }

    /**
     * Publishes this node's functions, once the application's beans are known and before the node
     * registers (so a peer that sees its digest finds them); returns the fields to register.
     */
    public Map<String, String> publish() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (RegisteredFunction function : functions.functions()) {
            ids.add(function.id());
        }
        digest = digest(ids);
        if (!ids.isEmpty()) {
            control.membership().publishFunctions(digest, ids);
        }
        return Map.of(FIELD, digest);
    }

    /**
     * Whether a live worker other than this one that offers {@code demand} registered
     * {@code functionId}; blocking, for the rare miss. {@code false} when Redis does not answer.
     */
    public boolean servedElsewhere(String functionId, Resources demand) {
        try {
            for (Map.Entry<String, List<String>> other : control.membership()
                    .fieldsOfAll(FIELD, NodeField.WORKER.code(), NodeField.RESOURCES.code()).entrySet()) {
                List<String> fields = other.getValue();
                String theirs = fields.get(0);
                boolean fits = "1".equals(fields.get(1)) && fields.get(2) != null
                        && demand.fitsIn(Resources.parseShape(fields.get(2)));
                if (!other.getKey().equals(node) && theirs != null && fits && !theirs.equals(digest)
                        && hasFunction(theirs, functionId)) {
                    return true;
                }
            }
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (Exception e) {
            return false;
        }
    }

    private boolean hasFunction(String theirs, String functionId) throws Exception {
        String key = theirs + " " + functionId;
        Boolean answer = known.get(key);
        if (answer == null) {
            answer = control.membership().offers(theirs, functionId);
            known.put(key, answer);
        }
        return answer;
    }

    private static String digest(Set<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", List.copyOf(ids)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
