/**
 * The sample application: Ray's tutorial written with jray, run on embedded Redis by the README's
 * first command.
 */
package io.jray.sample;
