package io.jray.dashboard;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A jray node with a reactive web server, as the tests of the dashboard start it. */
@SpringBootConfiguration
@EnableAutoConfiguration
class DashboardApplication {
}
