package io.jray.runtime.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ObjectIdTest {

    @Test
    void parseReadsWhatToStringWrites() {
        ObjectId id = new ObjectId("jk2a9x0q", "n3f.1z");

        assertThat(id.toString()).isEqualTo("jk2a9x0q/n3f.1z");
        assertThat(ObjectId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"noslash", "/object", "job/", "/", "a/b/c", "job//object"})
    void parseRefusesTextThatIsNotJobSlashObject(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ObjectId.parse(text))
                .withMessageContaining("job/object")
                .withMessageContaining("'" + text + "'");
    }

    @Test
    void jobAndIdAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new ObjectId(null, "x")).withMessage("job");
        assertThatNullPointerException().isThrownBy(() -> new ObjectId("j", null)).withMessage("id");
    }
}
