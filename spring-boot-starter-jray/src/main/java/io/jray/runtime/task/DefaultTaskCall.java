package io.jray.runtime.task;

import java.util.Objects;

import io.jray.api.ObjectRef;
import io.jray.api.TaskCall;
import io.jray.api.TaskOptions;
import io.jray.api.function.RemoteCallable;

/** A task call waiting for {@link #remote()}. */
final class DefaultTaskCall<R> implements TaskCall<R> {

    private final TaskSubmitter submitter;
    private final RemoteCallable function;
    private final Object[] args;
    private TaskOptions options = TaskOptions.defaults();

    DefaultTaskCall(TaskSubmitter submitter, RemoteCallable function, Object[] args) {
        this.submitter = submitter;
        this.function = function;
        this.args = args.clone();
    }

    @Override
    public TaskCall<R> options(TaskOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    @Override
    public ObjectRef<R> remote() {
        return submitter.submit(function, args, options);
    }
}
