package io.jray.runtime.control;

import java.util.List;

/**
 * What Redis says of an object.
 *
 * @param status where it stands
 * @param payload the encoded value ({@link Status#FINISHED}, {@code null} when not sent inline) or
 *        the encoded error ({@link Status#FAILED}, {@link Status#CANCELLED})
 * @param large where a large value lives, or {@code null} when the value is small or not known yet
 */
public record ObjectState(Status status, byte[] payload, Large large) {

    public ObjectState(Status status, byte[] payload) {
        this(status, payload, null);
    }

    /** Where an object stands. */
    public enum Status {
        PENDING, FINISHED, FAILED, CANCELLED, LOST;

        static Status of(String code) {
            return switch (code) {
                case "F" -> FINISHED;
                case "E" -> FAILED;
                case "C" -> CANCELLED;
                case "W", "Q", "R", "P" -> PENDING;
                default -> LOST;
            };
        }
    }

    /**
     * A large value: not in Redis, but in the object stores of some nodes.
     *
     * @param size its size in bytes
     * @param locations the live nodes holding a copy (may be empty: every copy was lost)
     */
    public record Large(long size, List<String> locations) {

        public Large {
            locations = List.copyOf(locations);
        }
    }

    public static ObjectState of(String code, byte[] payload) {
        return new ObjectState(Status.of(code), payload);
    }

    public boolean isSettled() {
        return status != Status.PENDING;
    }
}
