/**
 * The VC API without HTTP and without Spring ({@link io.trainproof.web.vcapi.VcApi}: issue and
 * verify; {@link io.trainproof.web.vcapi.StatusUpdates}: revoke), the signing seam every issued
 * credential goes through ({@link io.trainproof.web.vcapi.CredentialSigning}), and API keys held as
 * hashes ({@link io.trainproof.web.vcapi.ApiKeys}) with the scopes they grant ({@link
 * io.trainproof.web.vcapi.Caller}). The Spring module's controllers and the examples' Jetty host
 * both answer HTTP with these.
 */
@NullMarked
package io.trainproof.web.vcapi;

import org.jspecify.annotations.NullMarked;
