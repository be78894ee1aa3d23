package io.jray.runtime.control;

/**
 * What Redis says of an object.
 *
 * @param status where it stands
 * @param payload the encoded value ({@link Status#FINISHED}, {@code null} when not sent inline) or
 *        the encoded error ({@link Status#FAILED}, {@link Status#CANCELLED})
 */
public record ObjectState(Status status, byte[] payload) {

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

    public static ObjectState of(String code, byte[] payload) {
        return new ObjectState(Status.of(code), payload);
    }

    public boolean isSettled() {
        return status != Status.PENDING;
    }
}
