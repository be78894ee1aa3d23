package io.jray.runtime.worker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.jray.runtime.control.Keys;

/**
 * The queue entries this node read and still answers for: from the read until Redis recorded what
 * became of them. An entry pending on this node's consumer that is not held here was read by a
 * reply this node never saw (a read that timed out while Redis was paused, then answered), and is
 * taken up again by {@link GroupReader#reclaimOrphans}.
 */
final class HeldEntries {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    void add(String stream, String entryId) {
        held.add(stream + ' ' + entryId);
    }

    void release(String stream, String entryId) {
        held.remove(stream + ' ' + entryId);
    }

    boolean holds(String stream, String entryId) {
        return held.contains(stream + ' ' + entryId);
    }

    /** Forgets the entries of jobs that ended (their tasks were dropped here without a report). */
    void retainJobs(Keys keys, Set<String> active) {
        held.removeIf(entry -> !active.contains(keys.jobOf(entry.substring(0, entry.indexOf(' ')))));
    }
}
