/**
 * What the dashboard adds to the application's web server: {@link io.jray.dashboard.web.KeepAliveReadGuard}
 * keeps Reactor Netty's keep-alive connections reading.
 */
package io.jray.dashboard.web;
