package io.jray.worker.it.plainapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A newcomer's application: the starter and one task bean, no web server, no jray-specific setup. */
@SpringBootApplication
public class PlainApp {

    public static void main(String[] args) {
        SpringApplication.run(PlainApp.class, args);
    }
}
