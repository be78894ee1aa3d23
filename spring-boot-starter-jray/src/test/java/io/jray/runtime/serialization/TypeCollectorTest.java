package io.jray.runtime.serialization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCollectorTest {

    private final TypeCollector collector = new TypeCollector(List.of(Skipped.class));

    @Test
    void aRecordBringsTheTypesOfItsComponentsWithTheirGenericArgumentsAndArrayElements() {
        collector.register(Order.class);

        assertThat(collector.types()).containsExactlyInAnyOrder(Order.class, Customer.class, Item.class, Price.class,
                Status.class, Tag.class, Address.class);
    }

    @Test
    void aSignatureBringsParameterAndReturnTypesThroughWildcardsTypeVariablesAndGenericArrays() throws Exception {
        collector.addSignature(Signatures.class.getMethod("process", List.class, Wrapper[].class, Optional.class));

        assertThat(collector.types()).containsExactlyInAnyOrder(Result.class, Tag.class, Shape.class, Wrapper.class,
                Address.class, Price.class, Box.class, Item.class);
    }

    @Test
    void jdkTypesPrimitivesAndObjectAreLeftToFory() throws Exception {
        collector.addSignature(Signatures.class.getMethod("jdkOnly", int.class, String.class, Map.class,
                Duration.class, Object.class, long[].class));

        assertThat(collector.types()).isEmpty();
    }

    @Test
    void staticTransientAndSkippedFieldsAreNotFollowed() {
        collector.register(Holder.class);

        assertThat(collector.types()).containsExactly(Holder.class);
    }

    @Test
    void fieldsOfSuperclassesAreFollowed() {
        collector.register(Child.class);

        assertThat(collector.types()).containsExactlyInAnyOrder(Child.class, Address.class, Price.class);
    }

    @Test
    void interfacesAndEnumsAreRegisteredButNotExpanded() {
        collector.register(Shape.class, Status.class);

        assertThat(collector.types()).containsExactlyInAnyOrder(Shape.class, Status.class);
    }

    @Test
    void selfReferencingTypesEnd() {
        collector.register(Node.class);

        assertThat(collector.types()).containsExactly(Node.class);
    }

    @Test
    void voidAndFutureResultsBringOnlyTheirValueType() throws Exception {
        collector.addSignature(Signatures.class.getMethod("later", Address.class));
        collector.addSignature(Signatures.class.getMethod("nothing"));

        assertThat(collector.types()).containsExactly(Address.class);
    }

    record Address(String street, int number) {
    }

    record Customer(String name, Address address) {
    }

    record Price(long cents, String currency) {
    }

    record Item(String sku, Price price) {
    }

    enum Status {
        OPEN, SHIPPED
    }

    record Tag(String label) {
    }

    record Order(Customer customer, List<Item> items, Map<String, Price> prices, Status status, Tag[][] tags,
            int count, String note) {
    }

    interface Shape {
        double area();
    }

    record Result<T>(T value) {
    }

    static class Wrapper<T> {
        T value;
    }

    static class Box<T extends Item> {
        T content;
    }

    record Skipped(Address address) {
    }

    static class Holder {
        static Address shared;
        transient Price cache;
        Skipped skipped;
        String name;
    }

    static class Parent {
        Address address;
    }

    static class Child extends Parent {
        Price price;
    }

    static class Node {
        Node next;
        List<Node> children;
    }

    public interface Signatures {

        Result<Tag> process(List<? extends Shape> shapes, Wrapper<Address>[] wrappers, Optional<Map<Price, Box<?>>> boxes);

        void jdkOnly(int count, String text, Map<String, List<Integer>> map, Duration timeout, Object any, long[] raw);

        CompletableFuture<Address> later(Address address);

        void nothing();
    }
}
