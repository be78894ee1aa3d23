package io.jray.dashboard.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A jray node with a reactive web server and an actor class, as the tests of the dashboard start it. */
@SpringBootApplication
public class DashboardApplication {
}
