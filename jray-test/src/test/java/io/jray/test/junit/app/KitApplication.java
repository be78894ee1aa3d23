package io.jray.test.junit.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's application, as the test kit sees it: its worker JVMs run this class. */
@SpringBootApplication
public class KitApplication {

    public static void main(String[] args) {
        SpringApplication.run(KitApplication.class, args);
    }
}
