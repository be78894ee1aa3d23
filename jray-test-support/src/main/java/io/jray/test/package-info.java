/**
 * Test support shared by the modules: a real {@code redis-server} on a free loopback port and
 * worker JVMs started as processes.
 */
package io.jray.test;
