/**
 * Spring Boot auto-configuration of a jray node: properties, the node and its parts, embedded
 * Redis, failure analyzers.
 */
package io.jray.autoconfigure;
