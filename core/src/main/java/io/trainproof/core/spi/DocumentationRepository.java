package io.trainproof.core.spi;

import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.SecurityReminder;
import java.util.List;
import java.util.Optional;

/** Policy reviews, addressable-item decisions and security reminders, scoped by organization. */
public interface DocumentationRepository {
  /**
   * Adds a review.
   *
   * @param review the review
   */
  void insertReview(PolicyReview review);

  /**
   * A policy's reviews, oldest first.
   *
   * @param organization the organization
   * @param policy the policy
   * @return them
   */
  List<PolicyReview> reviews(Id<Organization> organization, Id<Policy> policy);

  /**
   * Adds a decision version.
   *
   * @param decision the decision
   * @throws io.trainproof.core.ConflictException when its number is taken for the topic
   */
  void insertDecision(AddressableDecision decision);

  /**
   * Every decision version, by topic then number.
   *
   * @param organization the organization
   * @return them
   */
  List<AddressableDecision> decisions(Id<Organization> organization);

  /**
   * Adds or replaces a security reminder.
   *
   * @param reminder the reminder
   */
  void saveReminder(SecurityReminder reminder);

  /**
   * Finds a reminder.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<SecurityReminder> findReminder(Id<Organization> organization, Id<SecurityReminder> id);

  /**
   * Every reminder, by send time.
   *
   * @param organization the organization
   * @return them
   */
  List<SecurityReminder> reminders(Id<Organization> organization);
}
