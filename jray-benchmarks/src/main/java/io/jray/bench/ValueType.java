package io.jray.bench;

/** The kinds of value the object suite moves, each written raw (no serialization) by jray's store. */
public enum ValueType {

    /** A {@code byte[]}: a get copies it into a new array. */
    BYTES("byte[]"),
    /** A {@code double[]}: a get copies it into a new array. */
    DOUBLES("double[]"),
    /** A {@code MemorySegment}: a get returns a read-only view of the stored copy, without copying. */
    SEGMENT("MemorySegment");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** The Java type, as the report shows it. */
    public String label() {
        return label;
    }
}
