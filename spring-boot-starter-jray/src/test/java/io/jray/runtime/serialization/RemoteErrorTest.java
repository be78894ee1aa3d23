package io.jray.runtime.serialization;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jray.api.RemoteTaskException;
import io.jray.api.TaskCancelledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RemoteErrorTest {

    private static final StackTraceElement[] OUTER_FRAMES = {
            new StackTraceElement("com.example.Tutorial", "slow", "Tutorial.java", 42),
            new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
            new StackTraceElement("com.example.Generated", "run", null, -1)};

    private static final StackTraceElement[] INNER_FRAMES = {
            new StackTraceElement("com.example.Io", "read", "Io.java", 7)};

    private static Throwable chain() {
        IOException inner = new IOException("disk gone");
        inner.setStackTrace(INNER_FRAMES);
        RuntimeException middle = new RuntimeException((String) null, inner);
        middle.setStackTrace(new StackTraceElement[0]);
        IllegalStateException outer = new IllegalStateException("could not load", middle);
        outer.setStackTrace(OUTER_FRAMES);
        return outer;
    }

    @Test
    void encodeThenDecodeKeepsTypesMessagesFramesCausesAndWhereItHappened() {
        RemoteError error = RemoteError.of(chain(), "jabc/n1.4", "com.example.Tutorial#slow(int)", "n1");

        RemoteError decoded = RemoteError.decode(error.encode());

        assertThat(decoded).isEqualTo(error);
        assertThat(decoded.taskId()).isEqualTo("jabc/n1.4");
        assertThat(decoded.function()).isEqualTo("com.example.Tutorial#slow(int)");
        assertThat(decoded.node()).isEqualTo("n1");
        assertThat(decoded.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(decoded.stack()).containsExactly(OUTER_FRAMES);
        assertThat(decoded.cause().type()).isEqualTo(RuntimeException.class.getName());
        assertThat(decoded.cause().message()).isNull();
        assertThat(decoded.cause().cause().message()).isEqualTo("disk gone");
        assertThat(decoded.cause().cause().stack()).containsExactly(INNER_FRAMES);
        assertThat(decoded.cause().cause().cause()).isNull();
    }

    @Test
    void nativeAndUnknownLineNumbersSurviveTheRoundTrip() {
        RemoteError decoded = RemoteError.decode(RemoteError.of(chain(), null, null, null).encode());

        assertThat(decoded.stack()).extracting(StackTraceElement::getLineNumber).containsExactly(42, -2, -1);
        assertThat(decoded.stack().get(1).isNativeMethod()).isTrue();
    }

    @Test
    void toExceptionRebuildsTheRemoteChainWithoutInstantiatingItsClasses() {
        RemoteTaskException e = RemoteError.of(chain(), "jabc/n1.4", null, "n1").toException();

        assertThat(e.remoteType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(e.remoteMessage()).isEqualTo("could not load");
        assertThat(e).hasMessage("java.lang.IllegalStateException: could not load");
        assertThat(e.getStackTrace()).containsExactly(OUTER_FRAMES);
        assertThat(e.getCause()).isInstanceOfSatisfying(RemoteTaskException.class, cause -> {
            assertThat(cause.remoteType()).isEqualTo(RuntimeException.class.getName());
            assertThat(cause).hasMessage("java.lang.RuntimeException");
        });
        assertThat(e.getCause().getCause()).isInstanceOf(RemoteTaskException.class)
                .hasMessage("java.io.IOException: disk gone");
    }

    @Test
    void stackTraceTextReadsLikeALocalStackTrace() {
        String text = RemoteError.of(chain(), null, null, null).stackTraceText();

        assertThat(text).startsWith("java.lang.IllegalStateException: could not load")
                .contains("at com.example.Tutorial.slow(Tutorial.java:42)")
                .contains("Caused by: java.io.IOException: disk gone")
                .contains("at com.example.Io.read(Io.java:7)");
    }

    @Test
    void anExceptionThatAlreadyCameFromAnotherNodeKeepsItsRemoteType() {
        RemoteTaskException remote = new RemoteTaskException("com.example.Boom", "bang", OUTER_FRAMES, null);

        RemoteError error = RemoteError.of(remote, null, null, null);

        assertThat(error.type()).isEqualTo("com.example.Boom");
        assertThat(error.message()).isEqualTo("bang");
    }

    @Test
    void aCyclicCauseChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b");
        a.initCause(b);
        b.initCause(a);

        RemoteError error = RemoteError.decode(RemoteError.of(a, null, null, null).encode());

        assertThat(error.message()).isEqualTo("a");
        assertThat(error.cause().message()).isEqualTo("b");
        assertThat(error.cause().cause()).isNull();
    }

    @Test
    void aVeryLongCauseChainIsCapped() {
        Throwable t = new RuntimeException("root");
        for (int i = 0; i < 100; i++) {
            t = new RuntimeException("level " + i, t);
        }

        RemoteError error = RemoteError.decode(RemoteError.of(t, null, null, null).encode());

        int depth = 0;
        for (RemoteError e = error; e != null; e = e.cause()) {
            depth++;
        }
        assertThat(error.message()).isEqualTo("level 99");
        assertThat(depth).isBetween(2, 17);
    }

    @Test
    void errorsRaisedByJrayItselfHaveNoStackAndNoCause() {
        RemoteError error = RemoteError.of(TaskCancelledException.class, "task j/t.1 was cancelled", "j/t.1", null,
                "n1");

        RemoteError decoded = RemoteError.decode(error.encode());

        assertThat(decoded.type()).isEqualTo(TaskCancelledException.class.getName());
        assertThat(decoded.message()).isEqualTo("task j/t.1 was cancelled");
        assertThat(decoded.stack()).isEmpty();
        assertThat(decoded.cause()).isNull();
        assertThat(decoded.function()).isNull();
    }

    @Test
    void malformedEncodingsAreRefused() {
        byte[] valid = RemoteError.of(chain(), "j/t.1", "f", "n").encode();

        assertThatIllegalArgumentException().isThrownBy(() -> RemoteError.decode(new byte[] {7}))
                .withMessageContaining("unknown error encoding");
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteError.decode(new byte[] {1, 0, 0, 0, 0}))
                .withMessageContaining("without an exception");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RemoteError.decode(Arrays.copyOf(valid, valid.length - 1)))
                .withMessageContaining("truncated input");
    }

    @Test
    void decodedStacksAreImmutable() {
        RemoteError decoded = RemoteError.decode(RemoteError.of(chain(), null, null, null).encode());

        List<StackTraceElement> stack = decoded.stack();
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(stack::clear);
    }
}
