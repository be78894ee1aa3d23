package io.jray.runtime.worker;

import io.jray.runtime.core.ObjectId;

/**
 * A queue entry this node read: one attempt of a task.
 *
 * @param task the task
 * @param attempt its attempt number
 * @param queue the queue it came from (the key suffix)
 * @param demand the resources it needs, compiled against this node's pool
 * @param entryId the stream entry to acknowledge
 * @param spec the encoded spec
 * @param receivedAt when this node read it (nanoTime)
 * @param epoch this node's registration it was read under, or for an actor call the one its actor
 *        instance was created under
 */
record Delivery(ObjectId task, int attempt, String queue, ResourcePool.Demand demand, String entryId, byte[] spec,
        long receivedAt, long epoch) {
}
