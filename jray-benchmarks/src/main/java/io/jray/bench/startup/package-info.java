/**
 * The start-up suite: how long fresh worker and driver JVMs take to join and to reach their steady
 * task rate, from the executable jar, from its extracted form, and with a JDK AOT cache.
 */
package io.jray.bench.startup;
