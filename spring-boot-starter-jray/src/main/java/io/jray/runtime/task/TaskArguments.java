package io.jray.runtime.task;

import java.util.ArrayList;
import java.util.List;

import io.jray.runtime.core.ArgumentResolver;
import io.jray.runtime.core.TaskArg;
import io.jray.runtime.serialization.ValueCodec;

/**
 * The arguments of a task about to run here: values decoded with the node's codec, references
 * borrowed from their owners, their states asked for in one go, then each one's value fetched.
 */
public final class TaskArguments implements ArgumentResolver {

    private final ObjectResolver resolver;
    private final ValueCodec codec;

    public TaskArguments(ObjectResolver resolver, ValueCodec codec) {
        this.resolver = resolver;
        this.codec = codec;
    }

    @Override
    public Object[] resolve(List<TaskArg> args) {
        Object[] values = new Object[args.size()];
        List<ObjectRefImpl<?>> refs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case TaskArg.Value v -> values[i] = codec.decode(v.bytes());
                case TaskArg.Ref r -> {
                    ObjectRefImpl<Object> ref = resolver.borrowed(r.id(), r.owner());
                    values[i] = ref;
                    refs.add(ref);
                }
            }
        }
        if (!refs.isEmpty()) {
            resolver.states(refs);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof ObjectRefImpl<?> ref && args.get(i) instanceof TaskArg.Ref) {
                    values[i] = ref.get();
                }
            }
        }
        return values;
    }
}
