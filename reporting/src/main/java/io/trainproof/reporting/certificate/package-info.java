/** Printable certificates: a PDF with a QR code carrying the verification URL and code. */
@NullMarked
package io.trainproof.reporting.certificate;

import org.jspecify.annotations.NullMarked;
