package io.jray.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the sample application does when it starts. */
@ConfigurationProperties("sample")
public class SampleProperties {

    private final Tutorial tutorial = new Tutorial();

    public Tutorial getTutorial() {
        return tutorial;
    }

    /** The tutorial run at start-up. */
    public static class Tutorial {

        /** Whether to run the tutorial at start-up (false: serve as a node only). */
        private boolean enabled = true;

        /** Whether to exit once the tutorial has run. */
        private boolean exit = true;

        /** The size of the matrices of the second example. */
        private int matrixSize = 1000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isExit() {
            return exit;
        }

        public void setExit(boolean exit) {
            this.exit = exit;
        }

        public int getMatrixSize() {
            return matrixSize;
        }

        public void setMatrixSize(int matrixSize) {
            this.matrixSize = matrixSize;
        }
    }
}
