package io.jray.runtime.store;

import io.jray.runtime.core.ObjectId;

/**
 * An object file this node keeps, as the store tracks it.
 *
 * @param id the object
 * @param size the file's size
 * @param primary whether this node made it (secondary copies were pulled from another node)
 * @param spilled whether it lies in the spill directory instead of shared memory
 * @param storedAt when it was written, in epoch milliseconds
 */
record StoredObject(ObjectId id, long size, boolean primary, boolean spilled, long storedAt) {

    StoredObject spilled(boolean now) {
        return new StoredObject(id, size, primary, now, storedAt);
    }
}
