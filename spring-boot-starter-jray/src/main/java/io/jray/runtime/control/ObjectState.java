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

    /**
     * Where an object stands. A script answers it by a record state's letter, or by {@code P}
     * (pending: the asking node is subscribed) or {@code L} (lost: no record); the scripts name the
     * latter two {@code OS.pending} and {@code OS.lost} (see {@link ScriptSchema}).
     */
    public enum Status {
        PENDING("P"), FINISHED(RecordState.FINISHED.code()), FAILED(RecordState.FAILED.code()),
        CANCELLED(RecordState.CANCELLED.code()), LOST("L");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Status of(String code) {
            Status status = Codes.find(values(), Status::code, code);
            if (status != null) {
                return status;
            }
            return RecordState.isUnsettled(code) ? PENDING : LOST;
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
