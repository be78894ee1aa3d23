/** The application the test kit's own tests run on their clusters. */
package io.jray.test.junit.app;
