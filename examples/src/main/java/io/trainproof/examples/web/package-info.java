/** The example web host: verification page, VC API, status lists, DID document. Not an API. */
@NullMarked
package io.trainproof.examples.web;

import org.jspecify.annotations.NullMarked;
