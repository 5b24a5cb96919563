/** The notification outbox, its dispatcher, and security reminders. */
@NullMarked
package io.trainproof.core.notification;

import org.jspecify.annotations.NullMarked;
