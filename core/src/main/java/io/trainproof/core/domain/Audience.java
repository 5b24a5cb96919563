package io.trainproof.core.domain;

import java.util.Set;

/**
 * Who a requirement applies to. Each non-empty criterion must match (AND across criteria); within
 * one criterion any listed value matches (OR). With every criterion empty, everyone matches.
 * Immutable.
 *
 * @param roles job roles, any of which matches
 * @param departments departments or sites, any of which matches
 * @param types workforce types, any of which matches
 */
public record Audience(Set<String> roles, Set<String> departments, Set<WorkforceType> types) {

  /** Makes the sets immutable. */
  public Audience {
    roles = Set.copyOf(roles);
    departments = Set.copyOf(departments);
    types = Set.copyOf(types);
  }

  /**
   * @return the audience of every workforce member
   */
  public static Audience everyone() {
    return new Audience(Set.of(), Set.of(), Set.of());
  }

  /**
   * An audience of members holding any of the roles.
   *
   * @param roles role codes
   * @return the audience
   */
  public static Audience roles(String... roles) {
    return new Audience(Set.of(roles), Set.of(), Set.of());
  }

  /**
   * @return true when no criterion is set
   */
  public boolean isEveryone() {
    return roles.isEmpty() && departments.isEmpty() && types.isEmpty();
  }

  /**
   * Whether a member's terms fall in this audience (regardless of status).
   *
   * @param terms the member's terms on some date
   * @return true when every non-empty criterion matches
   */
  public boolean matches(MemberTerms terms) {
    if (!roles.isEmpty() && terms.roles().stream().noneMatch(roles::contains)) {
      return false;
    }
    if (!departments.isEmpty() && !departments.contains(terms.department())) {
      return false;
    }
    return types.isEmpty() || types.contains(terms.type());
  }
}
