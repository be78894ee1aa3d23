package io.jray.test.junit;

import org.springframework.boot.SpringApplication;

/**
 * The main class of a worker JVM of a {@link JRayClusterTest}: runs the application class named by
 * the first argument as a non-web node with the remaining arguments, and exits when the test JVM
 * that started it is gone, so a killed test run leaves no worker behind.
 */
public final class ClusterWorkerMain {

    /** The system property holding the pid of the test JVM. */
    static final String PARENT_PID = "jray.test.parent-pid";

    private ClusterWorkerMain() {
    }

    /**
     * Starts the worker.
     *
     * @param args the application's class name, then Spring Boot command-line arguments
     */
    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ClusterWorkerMain <application class> [--name=value ...]");
        }
        exitWithParent();
        Class<?> application = Class.forName(args[0]);
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        new SpringApplication(application).run(rest);
    }

    private static void exitWithParent() {
        String parent = System.getProperty(PARENT_PID);
        if (parent == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> {
                    System.err.println("jray-test: the test JVM " + parent + " is gone; this worker stops");
                    System.exit(1);
                }),
                () -> System.exit(1));
    }
}
