/**
 * A test kit for applications built on jray: {@link io.jray.test.junit.JRayClusterTest} starts a
 * private Redis and worker JVMs of the application for a JUnit 5 test class, and joins the test's
 * Spring context to them.
 */
package io.jray.test.junit;
