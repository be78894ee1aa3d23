/**
 * Test support shared by the modules: a real {@code redis-server} on a free loopback port
 * ({@code TestRedis}), a real Redis Cluster of such servers ({@code TestRedisCluster}), worker JVMs
 * started as processes and the signals that freeze and wake them.
 */
package io.jray.test;
