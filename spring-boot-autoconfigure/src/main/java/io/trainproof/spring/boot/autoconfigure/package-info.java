/**
 * Spring Boot auto-configuration for Trainproof, shared by the Boot 3.5 and 4.0 starters: the
 * {@code trainproof.*} properties, the store on the host's data source (or entity manager factory),
 * Trainproof's own migrations with their own Flyway history table, the credential issuer from a key
 * file, the renewal sweep on the host's task scheduler, and Micrometer observations. A host adds
 * one starter; every bean here backs off when the host defines its own.
 */
@NullMarked
package io.trainproof.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
