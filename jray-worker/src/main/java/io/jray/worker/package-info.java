/**
 * The standalone worker: a non-web Boot application that joins a cluster and runs the remote
 * functions of the application classes on its loader path.
 */
package io.jray.worker;
