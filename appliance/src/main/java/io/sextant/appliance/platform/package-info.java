/**
 * How the appliance runs: the data directory and its H2 database (own Flyway history, AUTO_SERVER for the console
 * commands), TLS material, the site's configuration files, the launcher that starts Micronaut on Netty, the factory
 * that turns the plain-Java services into beans, the public health check and the one error mapper.
 */
package io.sextant.appliance.platform;
