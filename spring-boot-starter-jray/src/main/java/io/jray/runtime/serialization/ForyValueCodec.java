package io.jray.runtime.serialization;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.apache.fory.logging.LoggerFactory;
import org.apache.fory.memory.MemoryBuffer;
import org.apache.fory.serializer.Serializer;

import io.jray.api.SerializationException;

/**
 * {@link ValueCodec} on Apache Fory. Fory instances are not thread-safe and costly to build, so a
 * small pool is kept (not thread locals: tasks run on virtual threads). Every instance registers
 * the same types by name, so nodes agree on them whatever the order of registration.
 */
final class ForyValueCodec implements ValueCodec {

    private static final int MAX_POOLED = 32;
    private static final Pattern UNREGISTERED = Pattern.compile("class (\\S+) is not registered");
    private static final Pattern DISALLOWED = Pattern.compile("(\\S+) hit disallowed list");

    private final List<Class<?>> types;
    private final List<? extends CustomType<?>> customTypes;
    private final ConcurrentLinkedDeque<Fory> pool = new ConcurrentLinkedDeque<>();

    static {
        LoggerFactory.useSlf4jLogging(true);
    }

    ForyValueCodec(Collection<Class<?>> types, Collection<? extends CustomType<?>> customTypes) {
        this.types = List.copyOf(types);
        this.customTypes = List.copyOf(customTypes);
        pool.push(newFory());
    }

    @Override
    public byte[] encode(Object value) {
        Fory fory = borrow();
        try {
            return fory.serialize(value);
        }
        catch (RuntimeException | StackOverflowError e) {
            throw new SerializationException(describe(e, value == null ? "null" : value.getClass().getName()), e);
        }
        finally {
            release(fory);
        }
    }

    @Override
    public Object decode(byte[] bytes) {
        return decode(MemoryBuffer.fromByteArray(bytes), bytes.length);
    }

    @Override
    public Object decode(MemorySegment memory) {
        if (memory.isNative() && memory.byteSize() <= Integer.MAX_VALUE) {
            return decode(MemoryBuffer.fromNativeAddress(memory.address(), (int) memory.byteSize()),
                    (int) memory.byteSize());
        }
        return decode(memory.toArray(ValueLayout.JAVA_BYTE));
    }

    private Object decode(MemoryBuffer buffer, int length) {
        Fory fory = borrow();
        try {
            Object value = fory.deserialize(buffer);
            if (buffer.readerIndex() != length) {
                throw new SerializationException("cannot decode a value of " + length + " bytes: only "
                        + buffer.readerIndex() + " of them are an encoded value", null);
            }
            return value;
        }
        catch (SerializationException e) {
            throw e;
        }
        catch (RuntimeException | StackOverflowError e) {
            throw new SerializationException("cannot decode a value of " + length + " bytes: "
                    + describe(e, null), e);
        }
        finally {
            release(fory);
        }
    }

    @Override
    public Collection<String> registeredTypes() {
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.getName()));
        return names;
    }

    /** Explains a Fory failure; {@code valueType} is the type being written, or null when reading. */
    private static String describe(Throwable e, String valueType) {
        String message = String.valueOf(e.getMessage());
        Matcher unregistered = UNREGISTERED.matcher(message);
        if (unregistered.find()) {
            return "type " + unregistered.group(1) + " is not registered for serialization: use it in a "
                    + "@RemoteTask method signature, list it in jray.serialization.allowed-types, or register it "
                    + "with a SerializationCustomizer bean";
        }
        Matcher disallowed = DISALLOWED.matcher(message);
        if (disallowed.find()) {
            return "type " + disallowed.group(1) + " cannot be serialized: it is on Fory's deny list of types "
                    + "that must not travel";
        }
        if (valueType == null) {
            return e.getClass().getSimpleName() + ": " + message;
        }
        if (e instanceof StackOverflowError) {
            return "the object graph of " + valueType + " is too deep to serialize";
        }
        return "cannot serialize " + valueType + ": " + e.getClass().getSimpleName() + ": " + message;
    }

    private Fory borrow() {
        Fory fory = pool.poll();
        return fory != null ? fory : newFory();
    }

    private void release(Fory fory) {
        if (pool.size() < MAX_POOLED) {
            pool.push(fory);
        }
    }

    private Fory newFory() {
        Fory fory = Fory.builder()
                .withLanguage(Language.JAVA)
                .requireClassRegistration(true)
                .withRefTracking(true)
                .withAsyncCompilation(true)
                .withClassLoader(ForyValueCodec.class.getClassLoader())
                .build();
        for (CustomType<?> custom : customTypes) {
            register(fory, custom.type());
            fory.registerSerializer(custom.type(), f -> new BlobSerializer<>(f, custom));
        }
        for (Class<?> type : types) {
            register(fory, type);
        }
        return fory;
    }

    private static void register(Fory fory, Class<?> type) {
        String pkg = type.getPackageName();
        String simple = pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
        fory.register(type, pkg, simple);
    }

    private static final class BlobSerializer<T> extends Serializer<T> {

        private final CustomType<T> custom;

        BlobSerializer(Fory fory, CustomType<T> custom) {
            super(fory, custom.type());
            this.custom = custom;
        }

        @Override
        public void write(MemoryBuffer buffer, T value) {
            byte[] bytes = custom.write(value);
            buffer.writeVarUint32(bytes.length);
            buffer.writeBytes(bytes);
        }

        @Override
        public T read(MemoryBuffer buffer) {
            return custom.read(buffer.readBytes(buffer.readVarUint32()));
        }
    }
}
