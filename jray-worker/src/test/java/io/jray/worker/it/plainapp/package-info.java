/** A plain application for tests, started as separate JVMs: as itself, and inside a Boot jar run by jray-worker. */
package io.jray.worker.it.plainapp;
