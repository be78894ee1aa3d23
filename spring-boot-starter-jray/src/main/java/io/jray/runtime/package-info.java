/**
 * The runtime behind the API: one node per application context, wired from its settings.
 */
package io.jray.runtime;
