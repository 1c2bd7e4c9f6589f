package com.grow.payments.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.FailureCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/errors.md documents every problem code with its status, and every failure code. */
class ErrorCatalogueTest {

    @Test
    void every_code_is_documented_with_its_status() throws IOException {
        String page = Files.readString(repository().resolve("docs/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(page).as("docs/errors.md row of " + code)
                    .contains("| `" + code.name() + "` | " + code.status() + " |");
        }
        for (FailureCode code : FailureCode.values()) {
            assertThat(page).as("docs/errors.md row of failure " + code).contains("| `" + code.name() + "` | ");
        }
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/errors.md")) && dir.getParent() != null) {
            dir = dir.getParent();
        }
        return dir;
    }
}
