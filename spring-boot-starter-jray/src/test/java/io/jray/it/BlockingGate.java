package io.jray.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Closes {@link Blocking}'s gate before each test and opens it after, so no task stays blocked. */
final class BlockingGate implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Blocking.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Blocking.openGate();
    }
}
