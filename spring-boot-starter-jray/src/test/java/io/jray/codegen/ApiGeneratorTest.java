package io.jray.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGeneratorTest {

    @Test
    void committedApiSourcesMatchTheGenerator() throws Exception {
        for (Map.Entry<String, String> file : ApiGenerator.generate().entrySet()) {
            Path path = ApiGenerator.SOURCE_ROOT.resolve(file.getKey());
            assertThat(path).as("generated file %s (run ApiGenerator to regenerate)", path).exists();
            assertThat(Files.readString(path)).as("content of %s (run ApiGenerator to regenerate)", path)
                    .isEqualTo(file.getValue());
        }
    }
}
